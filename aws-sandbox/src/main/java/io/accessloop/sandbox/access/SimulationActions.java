package io.accessloop.sandbox.access;

import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.EvaluationResult;
import io.accessloop.iam.eval.MatchedStatement;
import io.accessloop.iam.eval.NamedPolicy;
import io.accessloop.iam.eval.PolicyEvaluator;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.iam.eval.RequestContext;
import io.accessloop.iam.policy.MalformedPolicyException;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.iam.IamAction;
import io.accessloop.sandbox.iam.IamCall;
import io.accessloop.sandbox.iam.IamRegistry;
import io.accessloop.sandbox.iam.IamStore;
import io.accessloop.sandbox.protocol.QueryParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SimulatePrincipalPolicy and SimulateCustomPolicy, answered by the same evaluator that guards every call. */
public final class SimulationActions {

    private final IamStore store;
    private final PrincipalPolicies principals;

    public SimulationActions(IamStore store, PrincipalPolicies principals) {
        this.store = store;
        this.principals = principals;
    }

    public void register(IamRegistry registry) {
        registry.register(new IamAction("SimulatePrincipalPolicy", true,
                c -> c.params().getOr("PolicySourceArn", "*"), this::principal));
        registry.register(new IamAction("SimulateCustomPolicy", true, c -> "*", this::custom));
    }

    private Doc principal(IamCall c) {
        String source = c.params().required("PolicySourceArn");
        String resource = source.substring(source.lastIndexOf(':') + 1);
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        PolicySet base;
        if (resource.startsWith("user/")) {
            if (store.read(() -> store.findUser(name)) == null) {
                throw AwsError.noSuchEntity("The user with name " + name + " cannot be found.");
            }
            base = principals.user(name).policies();
        } else if (resource.startsWith("role/")) {
            if (store.read(() -> store.findRole(name)) == null) {
                throw AwsError.noSuchEntity("The role with name " + name + " cannot be found.");
            }
            base = principals.role(name).policies();
        } else if (resource.startsWith("group/")) {
            base = store.read(() -> {
                var group = store.findGroup(name);
                if (group == null) {
                    throw AwsError.noSuchEntity("The group with name " + name + " cannot be found.");
                }
                PolicySet.Builder b = PolicySet.builder();
                group.inlinePolicies().forEach((n, d) -> b.identity(NamedPolicy.of(n, principals.documents().document(d))));
                for (String arn : group.attachedPolicyArns()) {
                    var p = store.findPolicy(arn);
                    if (p != null) {
                        b.identity(NamedPolicy.of(p.name(), principals.documents().document(p.defaultDocument())));
                    }
                }
                return b.build();
            });
        } else {
            throw AwsError.invalidInput("Invalid ARN: " + source);
        }
        PolicySet.Builder b = base.toBuilder();
        extraPolicies(c.params(), b);
        String callerArn = c.params().getOr("CallerArn", source);
        return simulate(c.params(), b.build(), callerArn);
    }

    private Doc custom(IamCall c) {
        List<String> inputs = c.params().members("PolicyInputList");
        if (inputs.isEmpty()) {
            throw AwsError.missingParameter("PolicyInputList");
        }
        PolicySet.Builder b = PolicySet.builder();
        int i = 0;
        for (String doc : inputs) {
            b.identity(NamedPolicy.of("PolicyInputList." + (++i), parse(doc)));
        }
        extraPolicies(c.params(), b);
        String callerArn = c.params().getOr("CallerArn", "arn:aws:iam::" + store.accountId() + ":user/simulated");
        return simulate(c.params(), b.build(), callerArn);
    }

    private static io.accessloop.iam.policy.PolicyDocument parse(String doc) {
        try {
            return PolicyParser.parse(doc, PolicyKind.IDENTITY);
        } catch (MalformedPolicyException e) {
            throw AwsError.malformedPolicy(e.iamMessage());
        }
    }

    private static void extraPolicies(QueryParams p, PolicySet.Builder b) {
        if (p.get("PolicySourceArn") != null) {
            int i = 0;
            for (String doc : p.members("PolicyInputList")) {
                b.identity(NamedPolicy.of("PolicyInputList." + (++i), parse(doc)));
            }
        }
        List<String> boundaries = p.members("PermissionsBoundaryPolicyInputList");
        if (!boundaries.isEmpty()) {
            b.permissionsBoundary(NamedPolicy.of("PermissionsBoundaryPolicyInputList.1", parse(boundaries.get(0))));
        }
    }

    private static Doc simulate(QueryParams p, PolicySet policies, String callerArn) {
        List<String> actions = p.members("ActionNames");
        if (actions.isEmpty()) {
            throw AwsError.missingParameter("ActionNames");
        }
        List<String> resources = p.members("ResourceArns");
        if (resources.isEmpty()) {
            resources = List.of("*");
        }
        RequestContext.Builder context = RequestContext.builder();
        for (Map<String, String> entry : p.memberStructs("ContextEntries")) {
            String key = entry.get("ContextKeyName");
            List<String> values = new ArrayList<>();
            for (int i = 1; entry.containsKey("ContextKeyValues.member." + i); i++) {
                values.add(entry.get("ContextKeyValues.member." + i));
            }
            if (key != null) {
                context.put(key, values);
            }
        }
        RequestContext built = context.build();
        List<Doc> results = new ArrayList<>();
        for (String action : actions) {
            for (String resource : resources) {
                EvaluationResult r = PolicyEvaluator.evaluateExplained(
                        new AuthorizationRequest(callerArn, action, resource, built), policies);
                List<Doc> matched = new ArrayList<>();
                for (MatchedStatement m : r.matchedStatements()) {
                    matched.add(Doc.of().with("SourcePolicyId", m.policyName())
                            .with("SourcePolicyType", m.policyType() == io.accessloop.iam.eval.PolicyType.IDENTITY
                                    ? "IAM Policy" : m.policyType().name()));
                }
                String decision = switch (r.decision()) {
                    case ALLOWED -> "allowed";
                    case EXPLICIT_DENY -> "explicitDeny";
                    case IMPLICIT_DENY -> "implicitDeny";
                };
                results.add(Doc.of().with("EvalActionName", action).with("EvalResourceName", resource)
                        .with("EvalDecision", decision).with("MatchedStatements", matched)
                        .with("MissingContextValues", List.of()));
            }
        }
        return Doc.of().with("EvaluationResults", results).with("IsTruncated", false);
    }
}
