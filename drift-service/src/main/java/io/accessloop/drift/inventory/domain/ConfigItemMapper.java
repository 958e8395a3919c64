package io.accessloop.drift.inventory.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an AWS Config configuration item of an IAM resource (as in EventBridge change events, SNS notifications
 * and the Config API) into an {@link IamSnapshot}. Items of other resource types yield empty.
 */
public final class ConfigItemMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigItemMapper() {
    }

    public static Optional<IamSnapshot> map(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw new MalformedItemException("configurationItem must be an object");
        }
        Optional<ResourceType> type = ResourceType.fromConfigType(text(item, "resourceType", true));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String account = text(item, "awsAccountId", true);
        if (!account.matches("\\d{12}")) {
            throw new MalformedItemException("awsAccountId must be 12 digits");
        }
        String resourceId = text(item, "resourceId", true);
        String arn = Optional.ofNullable(text(item, "ARN", false)).orElse(text(item, "arn", false));
        if (arn == null || !arn.startsWith("arn:")) {
            throw new MalformedItemException("ARN is required for " + type.get().configType());
        }
        String name = Optional.ofNullable(text(item, "resourceName", false)).orElse(arn.substring(arn.lastIndexOf('/') + 1));
        Instant captured = time(item, "configurationItemCaptureTime", true);
        Long stateId = stateId(item.get("configurationStateId"));
        String status = text(item, "configurationItemStatus", true);
        if (status.startsWith("ResourceDeleted")) {
            return Optional.of(IamSnapshot.deletion(account, type.get(), resourceId, name, arn, captured, stateId));
        }
        JsonNode configuration = configuration(item.get("configuration"));
        return Optional.of(new IamSnapshot(account, type.get(), resourceId, name, arn,
                text(configuration, "path", false),
                Optional.ofNullable(lenientTime(configuration, "createDate"))
                        .orElse(lenientTime(item, "resourceCreationTime")),
                captured, stateId, false,
                inline(configuration, inlineField(type.get())),
                attached(configuration.get("attachedManagedPolicies")),
                PolicyText.decode(text(configuration, "assumeRolePolicyDocument", false), "assumeRolePolicyDocument"),
                boundary(configuration.get("permissionsBoundary")),
                groups(configuration.get("groupList")),
                tags(item.get("tags"), configuration.get("tags")),
                text(configuration, "defaultVersionId", false),
                defaultDocument(configuration),
                integer(configuration, "attachmentCount"),
                integer(configuration, "permissionsBoundaryUsageCount")));
    }

    private static String inlineField(ResourceType type) {
        return switch (type) {
            case USER -> "userPolicyList";
            case GROUP -> "groupPolicyList";
            case ROLE -> "rolePolicyList";
            case POLICY -> "none";
        };
    }

    private static JsonNode configuration(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new MalformedItemException("configuration is required for an existing resource");
        }
        if (node.isTextual()) {
            try {
                node = JSON.readTree(node.asText());
            } catch (java.io.IOException e) {
                throw new MalformedItemException("configuration is not JSON");
            }
        }
        if (!node.isObject()) {
            throw new MalformedItemException("configuration must be an object");
        }
        return node;
    }

    private static List<InlinePolicy> inline(JsonNode configuration, String field) {
        List<InlinePolicy> out = new ArrayList<>();
        for (JsonNode p : array(configuration.get(field), field)) {
            String name = text(p, "policyName", true);
            out.add(new InlinePolicy(name, PolicyText.decode(text(p, "policyDocument", true), field + "." + name)));
        }
        out.sort(java.util.Comparator.comparing(InlinePolicy::name));
        return out;
    }

    private static List<AttachedPolicy> attached(JsonNode list) {
        List<AttachedPolicy> out = new ArrayList<>();
        for (JsonNode p : array(list, "attachedManagedPolicies")) {
            out.add(new AttachedPolicy(text(p, "policyName", false), text(p, "policyArn", true)));
        }
        out.sort(java.util.Comparator.comparing(AttachedPolicy::arn));
        return out;
    }

    private static List<String> groups(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode g : array(list, "groupList")) {
            out.add(g.isTextual() ? g.asText() : text(g, "groupName", true));
        }
        out.sort(String::compareTo);
        return out;
    }

    private static String boundary(JsonNode node) {
        return node == null || node.isNull() ? null : text(node, "permissionsBoundaryArn", false);
    }

    private static String defaultDocument(JsonNode configuration) {
        for (JsonNode v : array(configuration.get("policyVersionList"), "policyVersionList")) {
            if (v.path("isDefaultVersion").asBoolean(false)) {
                return PolicyText.decode(text(v, "document", true), "policyVersionList." + v.path("versionId").asText());
            }
        }
        return null;
    }

    /** Config items carry tags as a map; IAM configurations as a key/value list. */
    private static Map<String, String> tags(JsonNode itemTags, JsonNode configurationTags) {
        Map<String, String> out = new TreeMap<>();
        if (itemTags != null && itemTags.isObject()) {
            itemTags.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode t : array(configurationTags, "tags")) {
            out.put(text(t, "key", true), t.path("value").asText(""));
        }
        return out;
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new MalformedItemException(field + " must be an array");
        }
        return node;
    }

    static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                throw new MalformedItemException(field + " is required");
            }
            return null;
        }
        if (!value.isValueNode()) {
            throw new MalformedItemException(field + " must be a string");
        }
        return value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    static Instant time(JsonNode node, String field, boolean required) {
        String value = text(node, field, required);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                throw new MalformedItemException(field + " is not an ISO-8601 time");
            }
        }
    }

    /** Creation dates are informative only: an unreadable one is dropped rather than refusing the item. */
    private static Instant lenientTime(JsonNode node, String field) {
        try {
            return time(node, field, false);
        } catch (MalformedItemException e) {
            return null;
        }
    }

    private static Long stateId(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Long.parseLong(node.asText());
        } catch (NumberFormatException e) {
            throw new MalformedItemException("configurationStateId must be a number");
        }
    }
}
