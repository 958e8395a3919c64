package io.accessloop.sandbox.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Doc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** CloudTrail's JSON 1.1 API: LookupEvents (and the trail status calls a client may probe). */
public final class CloudTrailApi {

    public static final String TARGET_PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    private static final Set<String> KEYS = Set.of("EventId", "EventName", "ReadOnly", "Username", "ResourceType",
            "ResourceName", "EventSource", "AccessKeyId");

    private static final java.time.Duration RETENTION = java.time.Duration.ofDays(90);

    private final TrailLog log;
    private final java.util.function.Supplier<Instant> clock;

    public CloudTrailApi(TrailLog log, java.util.function.Supplier<Instant> clock) {
        this.log = log;
        this.clock = clock;
    }

    public static boolean readOnly(String operation) {
        return operation.startsWith("Lookup") || operation.startsWith("Describe") || operation.startsWith("Get")
                || operation.startsWith("List");
    }

    public Doc handle(String operation, JsonNode body) {
        return switch (operation) {
            case "LookupEvents" -> lookup(body);
            case "DescribeTrails" -> Doc.of().with("trailList", List.of());
            default -> throw new AwsError("UnknownOperationException", 400, "Unknown operation " + operation);
        };
    }

    private Doc lookup(JsonNode body) {
        int max = 50;
        JsonNode maxNode = body.get("MaxResults");
        if (maxNode != null && !maxNode.isNull()) {
            if (!maxNode.canConvertToInt() || maxNode.asInt() < 1 || maxNode.asInt() > 50) {
                throw new AwsError("InvalidMaxResultsException", 400, "MaxResults must be between 1 and 50.");
            }
            max = maxNode.asInt();
        }
        Instant start = time(body, "StartTime");
        Instant end = time(body, "EndTime");
        if (start != null && end != null && start.isAfter(end)) {
            throw new AwsError("InvalidTimeRangeException", 400, "Start time must be before end time.");
        }
        Instant oldest = clock.get().minus(RETENTION);
        Predicate<TrailEvent> filter = e -> !e.eventTime().isBefore(oldest)
                && (start == null || !e.eventTime().isBefore(start))
                && (end == null || !e.eventTime().isAfter(end));
        JsonNode attributes = body.get("LookupAttributes");
        if (attributes != null && !attributes.isNull()) {
            if (!attributes.isArray()) {
                throw new AwsError("InvalidLookupAttributesException", 400, "LookupAttributes must be a list.");
            }
            if (attributes.size() > 1) {
                throw new AwsError("InvalidLookupAttributesException", 400,
                        "You cannot specify more than one lookup attribute.");
            }
            if (attributes.size() == 1) {
                JsonNode attribute = attributes.get(0);
                String key = attribute.path("AttributeKey").asText(null);
                String value = attribute.path("AttributeValue").asText(null);
                if (key == null || !KEYS.contains(key)) {
                    throw new AwsError("InvalidLookupAttributesException", 400,
                            "The attribute key " + key + " is not valid.");
                }
                if (value == null || value.isEmpty() || value.length() > 2000) {
                    throw new AwsError("InvalidLookupAttributesException", 400,
                            "The attribute value must have length between 1 and 2000.");
                }
                filter = filter.and(matcher(key, value));
            }
        }
        long before = Long.MAX_VALUE;
        JsonNode token = body.get("NextToken");
        if (token != null && !token.isNull()) {
            before = decodeToken(token.asText());
        }
        List<TrailEvent> found = log.newestFirst(before, filter, max);
        boolean more = found.size() > max;
        List<TrailEvent> page = more ? found.subList(0, max) : found;
        List<Doc> events = new ArrayList<>(page.size());
        for (TrailEvent e : page) {
            List<Doc> resources = new ArrayList<>();
            for (Map<String, String> r : e.resources()) {
                resources.add(Doc.of().with("ResourceType", r.get("ResourceType"))
                        .with("ResourceName", r.get("ResourceName")));
            }
            events.add(Doc.of().with("EventId", e.eventId()).with("EventName", e.eventName())
                    .with("ReadOnly", Boolean.toString(e.readOnly())).with("AccessKeyId", e.accessKeyId())
                    .with("EventTime", e.eventTime()).with("EventSource", e.eventSource())
                    .with("Username", e.username()).with("Resources", resources)
                    .with("CloudTrailEvent", e.json()));
        }
        Doc out = Doc.of().with("Events", events);
        if (more) {
            out.with("NextToken", Base64.getEncoder().encodeToString(("seq:" + page.get(page.size() - 1).sequence())
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static Predicate<TrailEvent> matcher(String key, String value) {
        return switch (key) {
            case "EventId" -> e -> e.eventId().equals(value);
            case "EventName" -> e -> e.eventName().equals(value);
            case "ReadOnly" -> e -> Boolean.toString(e.readOnly()).equalsIgnoreCase(value);
            case "Username" -> e -> value.equals(e.username());
            case "EventSource" -> e -> e.eventSource().equals(value);
            case "AccessKeyId" -> e -> value.equals(e.accessKeyId());
            case "ResourceType" -> e -> e.resources().stream().anyMatch(r -> value.equals(r.get("ResourceType")));
            default -> e -> e.resources().stream().anyMatch(r -> value.equals(r.get("ResourceName")));
        };
    }

    private static Instant time(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return Instant.ofEpochMilli(new BigDecimal(node.asText()).movePointRight(3).longValue());
        }
        try {
            return Instant.parse(node.asText());
        } catch (RuntimeException e) {
            throw new AwsError("InvalidTimeRangeException", 400, field + " is not a valid timestamp.");
        }
    }

    private static long decodeToken(String token) {
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("seq:")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(text.substring(4));
        } catch (IllegalArgumentException e) {
            throw new AwsError("InvalidNextTokenException", 400, "Invalid NextToken.");
        }
    }
}
