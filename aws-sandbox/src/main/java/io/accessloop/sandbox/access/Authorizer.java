package io.accessloop.sandbox.access;

import io.accessloop.iam.eval.AuthorizationRequest;
import io.accessloop.iam.eval.Decision;
import io.accessloop.iam.eval.EvaluationResult;
import io.accessloop.iam.eval.NamedPolicy;
import io.accessloop.iam.eval.PolicyEvaluator;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.iam.eval.RequestContext;
import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.core.AwsError;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Authorises a call with the iam-policy evaluator: the caller's identity policies, its permissions boundary and
 * its session policies, with the request context. The account root is always allowed (no SCPs here).
 */
public final class Authorizer {

    private final PrincipalPolicies principals;

    public Authorizer(PrincipalPolicies principals) {
        this.principals = principals;
    }

    public PrincipalPolicies principals() {
        return principals;
    }

    /** The caller's policies, session policies included; what the evaluator needs besides the request. */
    public PolicySet policiesOf(Caller caller) {
        PrincipalPolicies.Identity identity = principals.of(caller);
        if (caller.sessionPolicies().isEmpty() && caller.sessionPolicyArns().isEmpty()
                && caller.type() != Caller.Type.FEDERATED_USER) {
            return identity.policies();
        }
        PolicySet.Builder b = identity.policies().toBuilder();
        int i = 0;
        for (String doc : caller.sessionPolicies()) {
            b.session(NamedPolicy.of("session-policy-" + (++i), principals.documents().document(doc)));
        }
        for (String arn : caller.sessionPolicyArns()) {
            String doc = principals.managedDocument(arn);
            if (doc != null) {
                b.session(NamedPolicy.of(arn, principals.documents().document(doc)));
            }
        }
        return b.build();
    }

    public RequestContext.Builder context(Caller caller, Instant now, String sourceIp, String region) {
        return RequestContexts.forCaller(caller, principals.of(caller).tags(), now, sourceIp, region);
    }

    public EvaluationResult evaluate(Caller caller, String action, String resource, RequestContext context) {
        if (caller.type() == Caller.Type.ROOT) {
            return new EvaluationResult(Decision.ALLOWED, List.of(), "account root");
        }
        PrincipalPolicies.Identity identity = principals.of(caller);
        if (!identity.exists()) {
            return new EvaluationResult(Decision.IMPLICIT_DENY, List.of(), "the principal no longer exists");
        }
        if (caller.type() == Caller.Type.FEDERATED_USER && caller.sessionPolicies().isEmpty()
                && caller.sessionPolicyArns().isEmpty()) {
            return new EvaluationResult(Decision.IMPLICIT_DENY, List.of(),
                    "a federation token without a session policy has no permissions");
        }
        return PolicyEvaluator.evaluateExplained(new AuthorizationRequest(caller.arn(), action, resource, context),
                policiesOf(caller));
    }

    /** Evaluates and throws AWS's AccessDenied when the call is not allowed. */
    public EvaluationResult require(Caller caller, String action, String resource, Instant now, String sourceIp,
                                    String region, Consumer<RequestContext.Builder> extra) {
        RequestContext.Builder b = context(caller, now, sourceIp, region);
        if (extra != null) {
            extra.accept(b);
        }
        EvaluationResult result = evaluate(caller, action, resource, b.build());
        if (!result.isAllowed()) {
            throw denied(caller, action, resource, result.decision());
        }
        return result;
    }

    public static AwsError denied(Caller caller, String action, String resource, Decision decision) {
        String because = decision == Decision.EXPLICIT_DENY
                ? " with an explicit deny in an identity-based policy"
                : " because no identity-based policy allows the " + action + " action";
        return AwsError.accessDenied("User: " + caller.arn() + " is not authorized to perform: " + action
                + " on resource: " + resource + because);
    }

    public static Map<String, String> none() {
        return Map.of();
    }
}
