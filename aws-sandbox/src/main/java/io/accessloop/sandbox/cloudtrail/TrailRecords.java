package io.accessloop.sandbox.cloudtrail;

import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.core.Doc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds records in CloudTrail's shape (eventVersion 1.08). */
public final class TrailRecords {

    private TrailRecords() {
    }

    public static String eventSource(String service) {
        return switch (service) {
            case "cloudwatch" -> "monitoring.amazonaws.com";
            default -> service + ".amazonaws.com";
        };
    }

    public static Map<String, Object> record(TrailCall call, String eventId, String recipientAccountId) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("eventVersion", "1.08");
        r.put("userIdentity", userIdentity(call.caller()));
        r.put("eventTime", iso(call.time()));
        r.put("eventSource", eventSource(call.service()));
        r.put("eventName", call.eventName());
        r.put("awsRegion", call.region());
        r.put("sourceIPAddress", call.sourceIp());
        r.put("userAgent", call.userAgent() == null ? "" : call.userAgent());
        if (call.errorCode() != null) {
            r.put("errorCode", call.errorCode());
            r.put("errorMessage", call.errorMessage());
        }
        r.put("requestParameters", call.requestParameters());
        r.put("responseElements", call.responseElements());
        r.put("requestID", call.requestId());
        r.put("eventID", eventId);
        r.put("readOnly", call.readOnly());
        if (!call.resources().isEmpty()) {
            List<Map<String, Object>> resources = new ArrayList<>();
            for (Map<String, String> res : call.resources()) {
                if (res.get("ResourceName").startsWith("arn:")) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("accountId", recipientAccountId);
                    entry.put("type", res.get("ResourceType"));
                    entry.put("ARN", res.get("ResourceName"));
                    resources.add(entry);
                }
            }
            if (!resources.isEmpty()) {
                r.put("resources", resources);
            }
        }
        r.put("eventType", "AwsApiCall");
        r.put("managementEvent", !call.dataEvent());
        r.put("recipientAccountId", recipientAccountId);
        r.put("eventCategory", call.dataEvent() ? "Data" : "Management");
        return r;
    }

    static String iso(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Map<String, Object> userIdentity(Caller caller) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("type", caller.type().trailName());
        u.put("principalId", caller.principalId());
        u.put("arn", caller.arn());
        u.put("accountId", caller.accountId());
        u.put("accessKeyId", caller.accessKeyId());
        if (caller.type() == Caller.Type.IAM_USER) {
            u.put("userName", caller.userName());
        }
        if (caller.isSession()) {
            Map<String, Object> context = new LinkedHashMap<>();
            if (caller.type() == Caller.Type.ASSUMED_ROLE) {
                context.put("sessionIssuer", Doc.of().with("type", "Role").with("principalId", caller.roleId())
                        .with("arn", caller.roleArn()).with("accountId", caller.accountId())
                        .with("userName", caller.roleName()));
            } else if (caller.type() == Caller.Type.FEDERATED_USER) {
                context.put("sessionIssuer", Doc.of().with("type", "IAMUser")
                        .with("arn", "arn:aws:iam::" + caller.accountId() + ":user/" + caller.userName())
                        .with("accountId", caller.accountId()).with("userName", caller.userName()));
            }
            context.put("attributes", Doc.of().with("creationDate", iso(caller.tokenIssueTime()))
                    .with("mfaAuthenticated", Boolean.toString(caller.mfaAuthenticated())));
            if (caller.sourceIdentity() != null) {
                context.put("sourceIdentity", caller.sourceIdentity());
            }
            u.put("sessionContext", context);
        }
        return u;
    }

    /** The LookupEvents {@code Username}: user name, role session name, federated name, or "root". */
    public static String username(Caller caller) {
        return switch (caller.type()) {
            case ROOT -> "root";
            case IAM_USER -> caller.userName();
            case ASSUMED_ROLE, FEDERATED_USER -> caller.sessionName();
        };
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
