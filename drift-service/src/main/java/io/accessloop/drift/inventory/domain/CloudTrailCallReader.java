package io.accessloop.drift.inventory.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Reads a CloudTrail record (the {@code detail} of an EventBridge {@code AWS API Call via CloudTrail} event) into an
 * {@link ApiCall}. Read-only, failed and non-IAM calls change nothing and yield empty.
 */
public final class CloudTrailCallReader {

    private CloudTrailCallReader() {
    }

    public static Optional<ApiCall> read(JsonNode detail, String fallbackAccount) {
        if (detail == null || !detail.isObject()) {
            throw new MalformedItemException("detail must be an object");
        }
        String eventSource = ConfigItemMapper.text(detail, "eventSource", true);
        String eventName = ConfigItemMapper.text(detail, "eventName", true);
        String eventId = ConfigItemMapper.text(detail, "eventID", true);
        var eventTime = ConfigItemMapper.time(detail, "eventTime", true);
        JsonNode identity = detail.get("userIdentity");
        if (identity == null || !identity.isObject()) {
            throw new MalformedItemException("userIdentity is required");
        }
        String account = Optional.ofNullable(ConfigItemMapper.text(detail, "recipientAccountId", false))
                .orElse(fallbackAccount);
        if (account == null) {
            throw new MalformedItemException("recipientAccountId is required");
        }
        if (!"iam.amazonaws.com".equals(eventSource) || isReadOnly(detail, eventName)
                || detail.hasNonNull("errorCode")) {
            return Optional.empty();
        }
        JsonNode parameters = detail.path("requestParameters");
        JsonNode session = identity.path("sessionContext");
        String policyArn = optional(parameters, "policyArn");
        return Optional.of(new ApiCall(eventId, account, eventSource, eventName, eventTime,
                optional(identity, "arn"),
                optional(session.path("sessionIssuer"), "arn"),
                optional(session, "sourceIdentity"),
                target(parameters, policyArn),
                policyArn,
                optional(parameters, "policyName"),
                parameters.isMissingNode() || parameters.isNull() ? null : parameters.toString()));
    }

    private static boolean isReadOnly(JsonNode detail, String eventName) {
        if (detail.has("readOnly")) {
            return detail.get("readOnly").asBoolean(false);
        }
        return eventName.startsWith("Get") || eventName.startsWith("List") || eventName.startsWith("Generate")
                || eventName.startsWith("Simulate");
    }

    private static ResourceKey target(JsonNode parameters, String policyArn) {
        if (parameters.hasNonNull("roleName")) {
            return new ResourceKey(ResourceType.ROLE, parameters.get("roleName").asText());
        }
        if (parameters.hasNonNull("userName")) {
            return new ResourceKey(ResourceType.USER, parameters.get("userName").asText());
        }
        if (parameters.hasNonNull("groupName")) {
            return new ResourceKey(ResourceType.GROUP, parameters.get("groupName").asText());
        }
        if (policyArn != null && policyArn.contains(":policy/")) {
            return new ResourceKey(ResourceType.POLICY, policyArn.substring(policyArn.lastIndexOf('/') + 1));
        }
        return null;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}
