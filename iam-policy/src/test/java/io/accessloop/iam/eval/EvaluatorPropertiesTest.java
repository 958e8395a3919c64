package io.accessloop.iam.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;
import io.accessloop.iam.testing.PolicyGen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class EvaluatorPropertiesTest {

    private static final String SESSION = "arn:aws:sts::111122223333:assumed-role/app/alice";

    static Gen<AuthorizationRequest> requests() {
        return in -> {
            RequestContext.Builder ctx = RequestContext.builder();
            if (PolicyGen.between(in, 0, 1) == 0) {
                ctx.put("aws:PrincipalTag/team", PolicyGen.pick(in, List.of("red", "blue")));
            }
            if (PolicyGen.between(in, 0, 1) == 0) {
                ctx.put("aws:MultiFactorAuthPresent", PolicyGen.pick(in, List.of("true", "false")));
            }
            if (PolicyGen.between(in, 0, 1) == 0) {
                ctx.put("aws:SourceIp", PolicyGen.pick(in, List.of("10.1.2.3", "192.168.0.1")));
            }
            return new AuthorizationRequest(SESSION, PolicyGen.pick(in, PolicyGen.ACTIONS),
                    PolicyGen.pick(in, PolicyGen.RESOURCES), ctx.build());
        };
    }

    private static PolicyDocument withStatement(PolicyDocument doc, Statement extra) {
        List<Statement> statements = new ArrayList<>(doc.statements());
        statements.add(extra);
        return PolicyDocument.of(statements);
    }

    @Test
    void addingADenyNeverIncreasesAccess() {
        qt().withExamples(1000).forAll(PolicyGen.documents(), PolicyGen.denyStatements(), requests())
                .checkAssert((doc, deny, request) -> {
                    boolean before = PolicyEvaluator.evaluate(request, PolicySet.ofIdentity(doc)).isAllowed();
                    boolean after = PolicyEvaluator.evaluate(request, PolicySet.ofIdentity(withStatement(doc, deny)))
                            .isAllowed();
                    assertThat(!after || before).isTrue();
                });
    }

    @Test
    void aBoundaryOrSessionPolicyNeverAddsAccess() {
        qt().withExamples(1000).forAll(PolicyGen.documents(), PolicyGen.documents(), requests())
                .checkAssert((identity, limit, request) -> {
                    boolean alone = PolicyEvaluator.evaluate(request, PolicySet.ofIdentity(identity)).isAllowed();
                    boolean bounded = PolicyEvaluator.evaluate(request,
                            PolicySet.builder().identity(identity).permissionsBoundary(limit).build()).isAllowed();
                    boolean session = PolicyEvaluator.evaluate(request,
                            PolicySet.builder().identity(identity).session(limit).build()).isAllowed();
                    assertThat(!bounded || alone).as("boundary").isTrue();
                    assertThat(!session || alone).as("session").isTrue();
                });
    }

    @Test
    void addingAnAllowNeverRemovesAccess() {
        qt().withExamples(1000).forAll(PolicyGen.documents(), PolicyGen.allowOnlyDocuments(), requests())
                .checkAssert((doc, more, request) -> {
                    boolean before = PolicyEvaluator.evaluate(request, PolicySet.ofIdentity(doc)).isAllowed();
                    boolean after = PolicyEvaluator.evaluate(request, PolicySet.ofIdentity(doc, more)).isAllowed();
                    assertThat(!before || after).isTrue();
                });
    }

    @Test
    void explicitDenyAlwaysNamesAMatchingDenyStatement() {
        qt().withExamples(500).forAll(PolicyGen.documents(), requests()).checkAssert((doc, request) -> {
            EvaluationResult result = PolicyEvaluator.evaluateExplained(request, PolicySet.ofIdentity(doc));
            if (result.decision() == Decision.EXPLICIT_DENY) {
                assertThat(result.denyingStatements()).isNotEmpty();
            } else if (result.decision() == Decision.ALLOWED) {
                assertThat(result.allowingStatements()).isNotEmpty();
            }
        });
    }
}
