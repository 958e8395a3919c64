package io.accessloop.iam.eval;

import io.accessloop.iam.policy.Arn;
import io.accessloop.iam.policy.Effect;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AWS's documented evaluation logic for a request within one account or across accounts:
 * <ol>
 * <li>a matching Deny in any policy (identity, session, boundary, resource) denies;</li>
 * <li>identity-based permissions count only where the permissions boundary and the session policies (when there
 * are any) also allow;</li>
 * <li>within one account a resource-based policy can allow on its own: fully when it names the user or session
 * directly, and within the boundary and session policies when it names the session's role;</li>
 * <li>across accounts both the identity side and the resource policy must allow;</li>
 * <li>otherwise the request is implicitly denied.</li>
 * </ol>
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    public static Decision evaluate(AuthorizationRequest request, PolicySet policies) {
        return evaluateExplained(request, policies).decision();
    }

    /** Whether the request is allowed by these identity policies alone. */
    public static boolean allows(PolicyDocument identityPolicy, AuthorizationRequest request) {
        return evaluate(request, PolicySet.ofIdentity(identityPolicy)).isAllowed();
    }

    public static EvaluationResult evaluateExplained(AuthorizationRequest request, PolicySet policies) {
        CallerIdentity caller = CallerIdentity.of(request.principalArn(), request.context());
        List<MatchedStatement> matched = new ArrayList<>();

        Outcome identity = evaluate(PolicyType.IDENTITY, policies.identityPolicies(), request, caller, matched);
        Outcome session = evaluate(PolicyType.SESSION, policies.sessionPolicies(), request, caller, matched);
        Outcome boundary = policies.permissionsBoundary() == null ? Outcome.NOT_PRESENT
                : evaluate(PolicyType.PERMISSIONS_BOUNDARY, List.of(policies.permissionsBoundary()), request, caller,
                        matched);
        Outcome resource = evaluate(PolicyType.RESOURCE, policies.resourcePolicies(), request, caller, matched);

        if (identity.denied || session.denied || boundary.denied || resource.denied) {
            List<MatchedStatement> denies = matched.stream().filter(m -> m.effect() == Effect.DENY).toList();
            return new EvaluationResult(Decision.EXPLICIT_DENY, denies,
                    "explicitly denied by " + denies.get(0).describe());
        }

        boolean boundaryOk = boundary == Outcome.NOT_PRESENT || boundary.allowed;
        boolean sessionOk = policies.sessionPolicies().isEmpty() || session.allowed;
        boolean identityPath = identity.allowed && boundaryOk && sessionOk;
        PrincipalMatch grant = resource.strongestGrant;

        boolean allowed;
        String reason;
        if (!caller.hasAccount()) {
            allowed = grant != PrincipalMatch.NONE;
            reason = allowed ? "allowed by a resource-based policy naming " + caller.arn()
                    : "no resource-based policy allows " + caller.arn();
        } else if (sameAccount(request, policies, caller)) {
            boolean resourcePath = grant == PrincipalMatch.DIRECT
                    || grant == PrincipalMatch.ROLE && boundaryOk && sessionOk;
            allowed = identityPath || resourcePath;
            reason = allowed ? (identityPath ? "allowed by an identity-based policy"
                    : "allowed by a resource-based policy in the same account")
                    : implicitReason(identity, boundaryOk, sessionOk, grant);
        } else {
            allowed = identityPath && grant != PrincipalMatch.NONE;
            reason = allowed ? "allowed across accounts by both an identity-based and a resource-based policy"
                    : !identityPath ? implicitReason(identity, boundaryOk, sessionOk, PrincipalMatch.NONE)
                    : "cross-account request: no resource-based policy of account "
                            + resourceAccount(request, policies, caller) + " allows it";
        }
        if (!allowed) {
            return new EvaluationResult(Decision.IMPLICIT_DENY, matched, reason);
        }
        return new EvaluationResult(Decision.ALLOWED, matched, reason);
    }

    private static String implicitReason(Outcome identity, boolean boundaryOk, boolean sessionOk,
            PrincipalMatch grant) {
        if (identity.allowed && !boundaryOk) {
            return "implicitly denied: the permissions boundary does not allow it";
        }
        if (identity.allowed && !sessionOk) {
            return "implicitly denied: the session policy does not allow it";
        }
        if (grant == PrincipalMatch.ROLE) {
            return "implicitly denied: the resource-based policy names the role, and the "
                    + (boundaryOk ? "session policy" : "permissions boundary") + " does not allow it";
        }
        return "implicitly denied: no policy allows it";
    }

    private static boolean sameAccount(AuthorizationRequest request, PolicySet policies, CallerIdentity caller) {
        return caller.account().equals(resourceAccount(request, policies, caller));
    }

    private static String resourceAccount(AuthorizationRequest request, PolicySet policies, CallerIdentity caller) {
        if (policies.resourceAccount() != null) {
            return policies.resourceAccount();
        }
        return Arn.tryParse(request.resource())
                .map(Arn::account)
                .filter(a -> !a.isEmpty() && !a.equals("aws"))
                .or(() -> Optional.of(caller.account()))
                .get();
    }

    /** What one group of policies says about the request. */
    private static final class Outcome {
        static final Outcome NOT_PRESENT = new Outcome();
        boolean allowed;
        boolean denied;
        PrincipalMatch strongestGrant = PrincipalMatch.NONE;
    }

    private static Outcome evaluate(PolicyType type, List<NamedPolicy> policies, AuthorizationRequest request,
            CallerIdentity caller, List<MatchedStatement> matched) {
        Outcome outcome = new Outcome();
        for (NamedPolicy policy : policies) {
            PolicyDocument doc = policy.document();
            boolean variables = doc.supportsPolicyVariables();
            List<Statement> statements = doc.statements();
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                PrincipalMatch principal = PrincipalMatch.DIRECT;
                if (type == PolicyType.RESOURCE) {
                    principal = s.principals() != null ? PrincipalMatcher.match(s.principals(), caller)
                            : s.notPrincipals() != null ? PrincipalMatcher.matchNot(s.notPrincipals(), caller)
                            : PrincipalMatch.NONE;
                    if (principal == PrincipalMatch.NONE) {
                        continue;
                    }
                }
                if (!StatementMatcher.applies(s, request, variables)) {
                    continue;
                }
                matched.add(new MatchedStatement(type, policy.name(), i, s.sid(), s.effect()));
                if (s.effect() == Effect.DENY) {
                    outcome.denied = true;
                } else {
                    outcome.allowed = true;
                    outcome.strongestGrant = outcome.strongestGrant.strongest(principal);
                }
            }
        }
        return outcome;
    }
}
