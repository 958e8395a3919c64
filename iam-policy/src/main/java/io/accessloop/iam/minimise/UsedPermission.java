package io.accessloop.iam.minimise;

import io.accessloop.iam.eval.RequestContext;
import java.util.Objects;

/**
 * An action seen in use, with the resource it was used on. {@code resource} is {@code null} when the evidence
 * has no resource (IAM Access Advisor reports only services and actions): the minimiser then keeps the resources
 * the current policy grants for that action. {@code context} holds the call's context keys when known (CloudTrail
 * gives source IP, source identity, ...); it is used to check that the proposed policy still allows the call.
 */
public record UsedPermission(String action, String resource, RequestContext context) {

    public UsedPermission {
        Objects.requireNonNull(action, "action");
        context = context == null ? RequestContext.empty() : context;
        if (action.isBlank() || (!action.equals("*") && action.indexOf(':') <= 0)) {
            throw new IllegalArgumentException("not an IAM action: " + action);
        }
    }

    public static UsedPermission of(String action, String resource) {
        return new UsedPermission(action, resource, RequestContext.empty());
    }

    /** Action-level evidence without a resource. */
    public static UsedPermission of(String action) {
        return new UsedPermission(action, null, RequestContext.empty());
    }

    public boolean hasResource() {
        return resource != null;
    }
}
