package io.accessloop.iam.eval;

import io.accessloop.iam.policy.Arn;
import io.accessloop.iam.policy.PolicyDocument;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a role's trust policy for {@code sts:AssumeRole}, {@code sts:SetSourceIdentity} and
 * {@code sts:TagSession}. The trust policy is the role's resource-based policy: it alone suffices when it names the
 * caller; when it names only the caller's account, or the caller is in another account, the caller's own identity
 * policies must allow the action as well.
 */
public final class TrustEvaluator {

    public static final String ASSUME_ROLE = "sts:AssumeRole";
    public static final String SET_SOURCE_IDENTITY = "sts:SetSourceIdentity";
    public static final String TAG_SESSION = "sts:TagSession";

    private TrustEvaluator() {
    }

    /**
     * One STS action by {@code callerArn} on the role, with the caller's own policies ({@code callerPolicies}
     * may be {@code null} when the caller has none, e.g. a service principal).
     */
    public static EvaluationResult evaluate(PolicyDocument trustPolicy, String roleArn, String callerArn,
            String action, RequestContext context, PolicySet callerPolicies) {
        PolicySet base = callerPolicies == null ? PolicySet.builder().build() : callerPolicies;
        PolicySet set = base.toBuilder()
                .resource(NamedPolicy.of("trust policy of " + roleArn, trustPolicy))
                .resourceAccount(Arn.parse(roleArn).account())
                .build();
        return PolicyEvaluator.evaluateExplained(new AuthorizationRequest(callerArn, action, roleArn, context), set);
    }

    /**
     * A whole AssumeRole call: the role, and source identity and session tags when the call sets them. Unlike other
     * resource policies, a role's trust policy must grant each of these actions itself: the caller's identity
     * policies alone never let anyone assume a role, set a source identity or tag a session.
     */
    public static TrustDecision assumeRole(PolicyDocument trustPolicy, String roleArn, String callerArn,
            RequestContext context, PolicySet callerPolicies, boolean setsSourceIdentity, boolean tagsSession) {
        EvaluationResult assume = evaluateTrusted(trustPolicy, roleArn, callerArn, ASSUME_ROLE, context, callerPolicies);
        EvaluationResult source = setsSourceIdentity
                ? evaluateTrusted(trustPolicy, roleArn, callerArn, SET_SOURCE_IDENTITY, context, callerPolicies) : null;
        EvaluationResult tags = tagsSession
                ? evaluateTrusted(trustPolicy, roleArn, callerArn, TAG_SESSION, context, callerPolicies) : null;
        return new TrustDecision(assume, source, tags);
    }

    private static EvaluationResult evaluateTrusted(PolicyDocument trustPolicy, String roleArn, String callerArn,
            String action, RequestContext context, PolicySet callerPolicies) {
        EvaluationResult result = evaluate(trustPolicy, roleArn, callerArn, action, context, callerPolicies);
        if (result.isAllowed() && !trustPolicyPermits(trustPolicy, roleArn, callerArn, action, context)) {
            return new EvaluationResult(Decision.IMPLICIT_DENY, result.matchedStatements(),
                    "the trust policy of " + roleArn + " does not grant " + action + " to " + callerArn);
        }
        return result;
    }

    /**
     * Whether the trust policy itself admits the caller for the action: nothing denies it and an Allow statement
     * names the caller, its role or its account (in the last case the caller's identity policy must also allow).
     */
    public static boolean trustPolicyPermits(PolicyDocument trustPolicy, String roleArn, String callerArn,
            String action, RequestContext context) {
        CallerIdentity caller = CallerIdentity.of(callerArn, context);
        AuthorizationRequest request = new AuthorizationRequest(callerArn, action, roleArn, context);
        boolean allowed = false;
        for (var s : trustPolicy.statements()) {
            PrincipalMatch principal = s.principals() != null ? PrincipalMatcher.match(s.principals(), caller)
                    : s.notPrincipals() != null ? PrincipalMatcher.matchNot(s.notPrincipals(), caller)
                    : PrincipalMatch.NONE;
            if (principal == PrincipalMatch.NONE
                    || !StatementMatcher.applies(s, request, trustPolicy.supportsPolicyVariables())) {
                continue;
            }
            if (!s.isAllow()) {
                return false;
            }
            allowed = true;
        }
        return allowed;
    }

    /**
     * The broker's check of a role: which of {@code sts:AssumeRole}, {@code sts:SetSourceIdentity} and
     * {@code sts:TagSession} the trust policy does not grant to the broker. Empty when the role is usable.
     */
    public static Set<String> missingBrokerActions(PolicyDocument trustPolicy, String roleArn, String brokerArn,
            RequestContext context) {
        Set<String> missing = new LinkedHashSet<>();
        for (String action : List.of(ASSUME_ROLE, SET_SOURCE_IDENTITY, TAG_SESSION)) {
            if (!trustPolicyPermits(trustPolicy, roleArn, brokerArn, action, context)) {
                missing.add(action);
            }
        }
        return missing;
    }
}
