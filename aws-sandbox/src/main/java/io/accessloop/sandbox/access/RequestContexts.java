package io.accessloop.sandbox.access;

import io.accessloop.iam.eval.RequestContext;
import io.accessloop.sandbox.auth.Caller;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The global condition keys AWS puts into every request of a caller. */
public final class RequestContexts {

    private RequestContexts() {
    }

    public static RequestContext.Builder forCaller(Caller caller, Map<String, String> principalTags, Instant now,
                                                   String sourceIp, String region) {
        RequestContext.Builder b = RequestContext.builder()
                .put("aws:CurrentTime", now)
                .put("aws:EpochTime", now.getEpochSecond())
                .put("aws:PrincipalArn", caller.identityArn())
                .put("aws:PrincipalAccount", caller.accountId())
                .put("aws:PrincipalType", principalType(caller))
                .put("aws:userid", caller.principalId())
                .put("aws:SecureTransport", false)
                .put("aws:ViaAWSService", false);
        if (sourceIp != null) {
            b.put("aws:SourceIp", sourceIp);
        }
        if (region != null) {
            b.put("aws:RequestedRegion", region);
        }
        if (caller.type() == Caller.Type.IAM_USER) {
            b.put("aws:username", caller.userName());
        }
        if (caller.isSession()) {
            b.put("aws:TokenIssueTime", caller.tokenIssueTime());
            b.put("aws:MultiFactorAuthPresent", caller.mfaAuthenticated());
        }
        if (caller.sourceIdentity() != null) {
            b.put("aws:SourceIdentity", caller.sourceIdentity());
        }
        Map<String, String> tags = new LinkedHashMap<>(principalTags);
        caller.sessionTags().forEach((k, v) -> {
            tags.keySet().removeIf(existing -> existing.equalsIgnoreCase(k));
            tags.put(k, v);
        });
        b.putTags("aws:PrincipalTag/", tags);
        return b;
    }

    private static String principalType(Caller caller) {
        return switch (caller.type()) {
            case ROOT -> "Account";
            case IAM_USER -> "User";
            case ASSUMED_ROLE -> "AssumedRole";
            case FEDERATED_USER -> "FederatedUser";
        };
    }
}
