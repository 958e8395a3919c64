package io.accessloop.iam.minimise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.PolicyEvaluator;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.iam.eval.RequestContext;
import io.accessloop.iam.policy.Condition;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;
import io.accessloop.iam.testing.PolicyGen;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The proof obligations of right-sizing, checked by brute force over a small universe of requests. */
class MinimiserPropertiesTest {

    private static final String PRINCIPAL = "arn:aws:iam::111122223333:user/alice";
    private static final List<RequestContext> CONTEXTS = List.of(
            RequestContext.empty(),
            RequestContext.builder().put("aws:PrincipalTag/team", "red").put("aws:MultiFactorAuthPresent", "true")
                    .put("aws:SourceIp", "10.1.2.3").put("aws:SourceIdentity", "a@example.com").build(),
            RequestContext.builder().put("aws:PrincipalTag/team", "blue").put("aws:MultiFactorAuthPresent", "false")
                    .put("aws:SourceIp", "192.168.0.1").put("aws:SourceIdentity", "x@evil.test").build());

    private static List<AuthorizationRequest> universe() {
        List<AuthorizationRequest> all = new ArrayList<>();
        List<String> actions = new ArrayList<>(PolicyGen.ACTIONS);
        actions.add("s3:GetObjectAcl");
        actions.add("ec2:DescribeVpcs");
        for (String action : actions) {
            for (String resource : PolicyGen.RESOURCES) {
                for (RequestContext ctx : CONTEXTS) {
                    all.add(new AuthorizationRequest(PRINCIPAL, action, resource, ctx));
                }
            }
        }
        return all;
    }

    private static final List<AuthorizationRequest> UNIVERSE = universe();

    private static boolean allows(PolicyDocument doc, AuthorizationRequest r) {
        return PolicyEvaluator.evaluate(r, PolicySet.builder().identity(doc).resourceAccount("111122223333").build())
                .isAllowed();
    }

    static Gen<Set<UsedPermission>> usage() {
        return in -> {
            Set<UsedPermission> used = new LinkedHashSet<>();
            int n = PolicyGen.between(in, 0, 5);
            for (int i = 0; i < n; i++) {
                String action = PolicyGen.pick(in, PolicyGen.ACTIONS);
                RequestContext ctx = PolicyGen.pick(in, CONTEXTS);
                if (PolicyGen.between(in, 0, 4) == 0) {
                    used.add(UsedPermission.of(action));
                } else {
                    used.add(new UsedPermission(action, PolicyGen.pick(in, PolicyGen.RESOURCES), ctx));
                }
            }
            return used;
        };
    }

    @Test
    void aMinimisedPolicyIsASubsetAndAllowsEveryUsedRequest() {
        qt().withExamples(400).forAll(PolicyGen.documents(), usage()).checkAssert((current, used) -> {
            MinimisedPolicy result = PolicyMinimiser.minimise(current, used, MinimiseOptions.defaults()
                    .withMaxResourcesPerStatement(1));

            assertThat(result.proven()).as("proof for %s", current.toJson()).isTrue();
            for (AuthorizationRequest r : UNIVERSE) {
                if (allows(result.proposed(), r)) {
                    assertThat(allows(current, r)).as("%s widened by %s", r, result.proposed().toJson()).isTrue();
                }
            }
            for (UsedPermission u : used) {
                if (!u.hasResource() || result.notGrantedByCurrent().contains(u)) {
                    continue;
                }
                AuthorizationRequest r = new AuthorizationRequest(PRINCIPAL, u.action(), u.resource(), u.context());
                if (allows(current, r)) {
                    assertThat(allows(result.proposed(), r)).as("%s lost by %s", r, result.proposed().toJson())
                            .isTrue();
                }
            }
        });
    }

    @Test
    void isSubsetIsSound() {
        qt().withExamples(1000).forAll(PolicyGen.documents(), PolicyGen.documents()).checkAssert((a, b) -> {
            if (PolicyComparator.isSubset(a, b)) {
                for (AuthorizationRequest r : UNIVERSE) {
                    if (allows(a, r)) {
                        assertThat(allows(b, r)).as("%s claimed inside %s but allows %s", a.toJson(), b.toJson(), r)
                                .isTrue();
                    }
                }
            }
        });
    }

    @Test
    void narrowingAPolicyIsRecognisedAsASubset() {
        qt().withExamples(500).forAll(PolicyGen.documents(), narrowings()).checkAssert((current, narrowing) -> {
            PolicyDocument narrowed = narrowing.apply(current);
            assertThat(PolicyComparator.isSubset(narrowed, current)).as(narrowed.toJson()).isTrue();
            assertThat(PolicyComparator.isSubset(current, current)).isTrue();
        });
    }

    interface Narrowing {
        PolicyDocument apply(PolicyDocument doc);
    }

    /** Drops statements' trailing actions and resources, or adds a condition to an Allow; keeps every Deny. */
    static Gen<Narrowing> narrowings() {
        return in -> {
            int kind = PolicyGen.between(in, 0, 2);
            Condition extra = PolicyGen.pick(in, PolicyGen.CONDITIONS);
            return doc -> {
                List<Statement> out = new ArrayList<>();
                for (Statement s : doc.statements()) {
                    if (!s.isAllow()) {
                        out.add(s);
                        continue;
                    }
                    Statement.Builder b = s.toBuilder();
                    Statement narrowed = switch (kind) {
                        case 0 -> s.actions().size() > 1
                                ? new Statement(s.sid(), s.effect(), s.actions().subList(0, 1), s.notActions(),
                                        s.resources(), s.notResources(), null, null, s.conditions())
                                : s;
                        case 1 -> s.resources().size() > 1
                                ? new Statement(s.sid(), s.effect(), s.actions(), s.notActions(),
                                        s.resources().subList(0, 1), s.notResources(), null, null, s.conditions())
                                : s;
                        default -> s.conditions().stream().anyMatch(c -> c.operator().equals(extra.operator())
                                && c.key().equals(extra.key())) ? s : b.condition(extra).build();
                    };
                    out.add(narrowed);
                }
                return new PolicyDocument(doc.version(), doc.id(), out);
            };
        };
    }
}
