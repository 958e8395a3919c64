package io.accessloop.iam.eval;

import java.util.Objects;

/**
 * One request to authorise: who ({@code principalArn}, or a service principal such as {@code ec2.amazonaws.com}),
 * which action ({@code s3:GetObject}), on which resource ARN ({@code "*"} for actions without resource-level
 * permissions) and with which context keys.
 */
public record AuthorizationRequest(String principalArn, String action, String resource, RequestContext context) {

    public AuthorizationRequest {
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = context == null ? RequestContext.empty() : context;
    }

    public static AuthorizationRequest of(String principalArn, String action, String resource) {
        return new AuthorizationRequest(principalArn, action, resource, RequestContext.empty());
    }

    public AuthorizationRequest withAction(String newAction) {
        return new AuthorizationRequest(principalArn, newAction, resource, context);
    }

    public AuthorizationRequest withContext(RequestContext newContext) {
        return new AuthorizationRequest(principalArn, action, resource, newContext);
    }
}
