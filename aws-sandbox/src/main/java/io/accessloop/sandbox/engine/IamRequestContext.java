package io.accessloop.sandbox.engine;

import io.accessloop.iam.eval.RequestContext;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.iam.IamStore;
import io.accessloop.sandbox.iam.Role;
import io.accessloop.sandbox.iam.User;
import io.accessloop.sandbox.protocol.QueryParams;

import java.util.Map;

/**
 * The service-specific condition keys of an IAM call: request tags, the tags of the target role or user
 * ({@code aws:ResourceTag/*}), {@code iam:PolicyARN} and {@code iam:PermissionsBoundary}.
 */
final class IamRequestContext {

    private IamRequestContext() {
    }

    static void add(RequestContext.Builder context, QueryParams params, IamStore store) {
        if (params.get("Tags.member.1.Key") != null) {
            try {
                context.putRequestTags(params.tags("Tags"));
            } catch (AwsError invalid) {
                // the handler rejects the malformed tags with the proper error after authorisation
            }
        }
        String policyArn = params.get("PolicyArn");
        if (policyArn != null) {
            context.put("iam:PolicyARN", policyArn);
        }
        String boundary = params.get("PermissionsBoundary");
        if (boundary != null) {
            context.put("iam:PermissionsBoundary", boundary);
        }
        Map<String, String> resourceTags = store.read(() -> {
            String roleName = params.get("RoleName");
            if (roleName != null) {
                Role role = store.findRole(roleName);
                return role == null ? Map.<String, String>of() : Map.copyOf(role.tags());
            }
            String userName = params.get("UserName");
            if (userName != null) {
                User user = store.findUser(userName);
                return user == null ? Map.<String, String>of() : Map.copyOf(user.tags());
            }
            return Map.<String, String>of();
        });
        context.putTags("aws:ResourceTag/", resourceTags);
        context.putTags("iam:ResourceTag/", resourceTags);
    }
}
