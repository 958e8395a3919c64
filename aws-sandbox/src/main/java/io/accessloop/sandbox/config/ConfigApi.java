package io.accessloop.sandbox.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.core.Json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** AWS Config's JSON 1.1 API ({@code StarlingDoveService.*}) over the recorder. */
public final class ConfigApi {

    public static final String TARGET_PREFIX = "StarlingDoveService.";
    public static final List<String> RECORDED_TYPES = List.of("AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Role",
            "AWS::IAM::Policy");
    private static final Pattern RESOURCE_TYPE = Pattern.compile("AWS::[A-Za-z0-9]+::[A-Za-z0-9]+");

    private final ConfigRecorder recorder;

    public ConfigApi(ConfigRecorder recorder) {
        this.recorder = recorder;
    }

    public static boolean readOnly(String operation) {
        return operation.startsWith("Get") || operation.startsWith("List") || operation.startsWith("Describe")
                || operation.startsWith("BatchGet") || operation.startsWith("Select");
    }

    public Doc handle(String operation, JsonNode body) {
        return switch (operation) {
            case "GetResourceConfigHistory" -> history(body);
            case "ListDiscoveredResources" -> discovered(body);
            case "BatchGetResourceConfig" -> batchGet(body);
            case "DescribeConfigurationRecorders" -> Doc.of().with("ConfigurationRecorders", List.of(Doc.of()
                    .with("name", "default")
                    .with("roleARN", "arn:aws:iam::" + recorder.accountId()
                            + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig")
                    .with("recordingGroup", Doc.of().with("allSupported", false)
                            .with("includeGlobalResourceTypes", true).with("resourceTypes", RECORDED_TYPES))));
            case "DescribeConfigurationRecorderStatus" -> Doc.of().with("ConfigurationRecordersStatus",
                    List.of(Doc.of().with("name", "default").with("recording", true).with("lastStatus", "SUCCESS")));
            default -> throw new AwsError("UnknownOperationException", 400, "Unknown operation " + operation);
        };
    }

    private static String resourceType(JsonNode body) {
        String type = text(body, "resourceType");
        if (type == null) {
            throw new AwsError("ValidationException", 400, "1 validation error detected: Value null at "
                    + "'resourceType' failed to satisfy constraint: Member must not be null");
        }
        if (!RESOURCE_TYPE.matcher(type).matches()) {
            throw new AwsError("ValidationException", 400, "1 validation error detected: Value '" + type + "' at "
                    + "'resourceType' failed to satisfy constraint: Member must satisfy enum value set");
        }
        return type;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static int limit(JsonNode body, int fallback) {
        JsonNode node = body.get("limit");
        if (node == null || node.isNull() || node.asInt() == 0) {
            return fallback;
        }
        if (!node.canConvertToInt() || node.asInt() < 0 || node.asInt() > 100) {
            throw new AwsError("InvalidLimitException", 400, "The limit must be between 0 and 100.");
        }
        return node.asInt();
    }

    private static int offset(JsonNode body) {
        String token = text(body, "nextToken");
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("o:")) {
                throw new IllegalArgumentException();
            }
            int offset = Integer.parseInt(text.substring(2));
            if (offset < 0) {
                throw new IllegalArgumentException();
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new AwsError("InvalidNextTokenException", 400, "The nextToken provided is invalid.");
        }
    }

    private static String token(int offset) {
        return Base64.getEncoder().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static Instant time(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new AwsError("ValidationException", 400, field + " must be a timestamp");
        }
        return Instant.ofEpochMilli(new BigDecimal(node.asText()).movePointRight(3).longValue());
    }

    private Doc history(JsonNode body) {
        String type = resourceType(body);
        String id = text(body, "resourceId");
        if (id == null || id.isEmpty()) {
            throw new AwsError("ValidationException", 400, "1 validation error detected: Value null at "
                    + "'resourceId' failed to satisfy constraint: Member must not be null");
        }
        Instant later = time(body, "laterTime");
        Instant earlier = time(body, "earlierTime");
        if (later != null && earlier != null && earlier.isAfter(later)) {
            throw new AwsError("InvalidTimeRangeException", 400, "The earlierTime must be before the laterTime.");
        }
        String order = text(body, "chronologicalOrder");
        if (order != null && !order.equals("Reverse") && !order.equals("Forward")) {
            throw new AwsError("ValidationException", 400, "chronologicalOrder must be Reverse or Forward");
        }
        int limit = limit(body, 10);
        int offset = offset(body);
        List<ConfigItem> items = recorder.history(type, id);
        if (items == null) {
            throw new AwsError("ResourceNotDiscoveredException", 400, "Resource " + id + " of resourceType:" + type
                    + " is unknown or has not been discovered");
        }
        List<ConfigItem> selected = new ArrayList<>();
        for (ConfigItem item : items) {
            if ((earlier == null || !item.captureTime().isBefore(earlier))
                    && (later == null || !item.captureTime().isAfter(later))) {
                selected.add(item);
            }
        }
        if (!"Forward".equals(order)) {
            Collections.reverse(selected);
        }
        int end = Math.min(selected.size(), offset + limit);
        List<Doc> out = new ArrayList<>();
        for (ConfigItem item : selected.subList(Math.min(offset, selected.size()), end)) {
            out.add(apiItem(item, true));
        }
        Doc result = Doc.of().with("configurationItems", out);
        if (end < selected.size()) {
            result.with("nextToken", token(end));
        }
        return result;
    }

    private Doc apiItem(ConfigItem item, boolean full) {
        Doc d = Doc.of().with("version", "1.3").with("accountId", recorder.accountId())
                .with("configurationItemCaptureTime", item.captureTime())
                .with("configurationItemStatus", item.status())
                .with("configurationStateId", Long.toString(item.stateId()))
                .with("arn", item.arn()).with("resourceType", item.resourceType())
                .with("resourceId", item.resourceId()).with("resourceName", item.resourceName())
                .with("awsRegion", "global").with("availabilityZone", "Not Applicable")
                .with("resourceCreationTime", item.resourceCreationTime())
                .with("configuration", item.deleted() ? null : Json.write(item.configuration()))
                .with("supplementaryConfiguration", Doc.of());
        if (full) {
            d.with("configurationItemMD5Hash", "").with("tags", item.tags()).with("relatedEvents", List.of())
                    .with("relationships", List.of());
        }
        return d;
    }

    private Doc discovered(JsonNode body) {
        String type = resourceType(body);
        int limit = limit(body, 100);
        int offset = offset(body);
        Set<String> ids = new HashSet<>();
        JsonNode idsNode = body.get("resourceIds");
        if (idsNode != null && idsNode.isArray()) {
            idsNode.forEach(n -> ids.add(n.asText()));
        }
        String name = text(body, "resourceName");
        if (!ids.isEmpty() && name != null) {
            throw new AwsError("ValidationException", 400,
                    "You cannot specify both resourceIds and resourceName in the same request.");
        }
        JsonNode deletedNode = body.get("includeDeletedResources");
        boolean includeDeleted = deletedNode != null && deletedNode.asBoolean(false);
        List<Doc> all = new ArrayList<>();
        for (ConfigItem item : recorder.latest(type)) {
            if ((item.deleted() && !includeDeleted) || (!ids.isEmpty() && !ids.contains(item.resourceId()))
                    || (name != null && !name.equals(item.resourceName()))) {
                continue;
            }
            all.add(Doc.of().with("resourceType", item.resourceType()).with("resourceId", item.resourceId())
                    .with("resourceName", item.resourceName())
                    .with("resourceDeletionTime", item.deleted() ? item.captureTime() : null));
        }
        int end = Math.min(all.size(), offset + limit);
        Doc result = Doc.of().with("resourceIdentifiers", new ArrayList<>(all.subList(Math.min(offset, all.size()),
                end)));
        if (end < all.size()) {
            result.with("nextToken", token(end));
        }
        return result;
    }

    private Doc batchGet(JsonNode body) {
        JsonNode keys = body.get("resourceKeys");
        if (keys == null || !keys.isArray() || keys.isEmpty() || keys.size() > 100) {
            throw new AwsError("ValidationException", 400, "1 validation error detected: Value at 'resourceKeys' "
                    + "failed to satisfy constraint: Member must have length between 1 and 100");
        }
        List<Doc> items = new ArrayList<>();
        for (JsonNode key : keys) {
            String type = resourceType(key);
            String id = text(key, "resourceId");
            if (id == null) {
                throw new AwsError("ValidationException", 400, "resourceId must not be null");
            }
            List<ConfigItem> history = recorder.history(type, id);
            if (history != null) {
                ConfigItem last = history.get(history.size() - 1);
                if (!last.deleted()) {
                    items.add(apiItem(last, false));
                }
            }
        }
        return Doc.of().with("baseConfigurationItems", items).with("unprocessedResourceKeys", List.of());
    }
}
