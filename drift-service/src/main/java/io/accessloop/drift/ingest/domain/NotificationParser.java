package io.accessloop.drift.ingest.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.inventory.domain.CloudTrailCallReader;
import io.accessloop.drift.inventory.domain.ConfigItemMapper;
import io.accessloop.drift.inventory.domain.MalformedItemException;
import io.accessloop.drift.inventory.domain.ResourceType;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Recognises what AWS pushes: EventBridge events ({@code Config Configuration Item Change},
 * {@code AWS API Call via CloudTrail}), the same inside SNS {@code Notification} envelopes, AWS Config's own SNS
 * messages, and oversized-item notifications. Everything a later step needs is checked here, so a message that
 * passes can be stored and processed without surprises.
 */
public final class NotificationParser {

    static final String CONFIG_CHANGE = "Config Configuration Item Change";
    static final String API_CALL = "AWS API Call via CloudTrail";
    static final String ITEM_CHANGE = "ConfigurationItemChangeNotification";
    static final String OVERSIZED = "OversizedConfigurationItemChangeNotification";

    private final ObjectMapper mapper;

    public NotificationParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Notification parse(String body) {
        return parse(read(body));
    }

    /** The pushed body as a JSON object. */
    public JsonNode read(String body) {
        return json(body, "body");
    }

    /** Whether a pushed body is an SNS envelope (its signature is checked before {@link #parse(JsonNode)}). */
    public static boolean isSns(JsonNode root) {
        return root.has("Type");
    }

    public Notification parse(JsonNode root) {
        if (isSns(root)) {
            return sns(root);
        }
        return message(root, null);
    }

    /**
     * Parses one record of a Firehose delivery, the UTF-8 text in {@code utf8[0..length)}: an EventBridge event,
     * nothing else (an SNS envelope or AWS Config message in a record could not have been authenticated the way SNS
     * pushes are). The bytes are read without decoding them to a string first; a byte sequence that is not UTF-8 is
     * refused like malformed JSON.
     */
    public Notification parseEvent(byte[] utf8, int length) {
        if (length == 0) {
            throw new MalformedNotificationException("record is empty");
        }
        JsonNode node;
        try {
            node = mapper.readTree(utf8, 0, length);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new MalformedNotificationException("record is not JSON: " + reason);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedNotificationException("record must be a JSON object");
        }
        return event(node);
    }

    private Notification event(JsonNode event) {
        if (!event.has("detail-type")) {
            throw new MalformedNotificationException("not an EventBridge event (no detail-type)");
        }
        return eventBridge(event);
    }

    /** Parses a message stored earlier (already unwrapped); {@code sourceId} is the id it was stored under. */
    public Notification parseStored(String message, String sourceId) {
        return message(json(message, "stored message"), sourceId);
    }

    private Notification sns(JsonNode envelope) {
        String type = required(envelope, "Type");
        if (!"Notification".equals(type)) {
            throw new MalformedNotificationException("SNS message type " + type
                    + " is not accepted; confirm the subscription out of band and deliver raw notifications");
        }
        String messageId = required(envelope, "MessageId");
        return message(json(required(envelope, "Message"), "SNS Message"), messageId);
    }

    private Notification message(JsonNode message, String snsMessageId) {
        if (message.has("detail-type")) {
            return eventBridge(message);
        }
        if (message.has("messageType")) {
            if (snsMessageId == null) {
                throw new MalformedNotificationException("an AWS Config message must come inside an SNS envelope");
            }
            return config(message, message, snsMessageId, null);
        }
        throw new MalformedNotificationException("neither an EventBridge event nor an AWS Config message");
    }

    private Notification eventBridge(JsonNode event) {
        String id = required(event, "id");
        String detailType = required(event, "detail-type");
        String account = account(required(event, "account"));
        time(required(event, "time"), "time");
        JsonNode detail = event.get("detail");
        if (detail == null || !detail.isObject()) {
            throw new MalformedNotificationException("detail must be an object");
        }
        return switch (detailType) {
            case CONFIG_CHANGE -> config(event, detail, id, account);
            case API_CALL -> apiCall(event, detail, id, account);
            default -> new Notification.Ignored(id, account, event, "detail-type " + detailType);
        };
    }

    private Notification config(JsonNode message, JsonNode detail, String sourceId, String account) {
        String messageType = required(detail, "messageType");
        if (ITEM_CHANGE.equals(messageType)) {
            JsonNode item = detail.get("configurationItem");
            try {
                var snapshot = ConfigItemMapper.map(item);
                if (snapshot.isEmpty()) {
                    return new Notification.Ignored(sourceId, item.path("awsAccountId").asText(account), message,
                            "resource type " + item.path("resourceType").asText());
                }
                return new Notification.ConfigItemChange(sourceId, snapshot.get().accountId(), message, item,
                        snapshot.get());
            } catch (MalformedItemException e) {
                throw new MalformedNotificationException("configurationItem: " + e.getMessage());
            }
        }
        if (OVERSIZED.equals(messageType)) {
            JsonNode summary = detail.get("configurationItemSummary");
            if (summary == null || !summary.isObject()) {
                throw new MalformedNotificationException("configurationItemSummary must be an object");
            }
            String resourceType = required(summary, "resourceType");
            String itemAccount = account(required(summary, "awsAccountId"));
            if (ResourceType.fromConfigType(resourceType).isEmpty()) {
                return new Notification.Ignored(sourceId, itemAccount, message, "resource type " + resourceType);
            }
            return new Notification.OversizedConfigItemChange(sourceId, itemAccount, message, resourceType,
                    required(summary, "resourceId"),
                    time(required(summary, "configurationItemCaptureTime"), "configurationItemCaptureTime"));
        }
        return new Notification.Ignored(sourceId, account == null ? "unknown" : account, message,
                "messageType " + messageType);
    }

    private Notification apiCall(JsonNode event, JsonNode detail, String id, String account) {
        try {
            CloudTrailCallReader.read(detail, account);
        } catch (MalformedItemException e) {
            throw new MalformedNotificationException("detail: " + e.getMessage());
        }
        return new Notification.ApiCallRecorded(id, account, event, detail);
    }

    private JsonNode json(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new MalformedNotificationException(what + " is empty");
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw new MalformedNotificationException(what + " must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedNotificationException(what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedNotificationException(field + " is required");
        }
        return value.asText();
    }

    /** Checked by hand: {@code String.matches} would compile a regular expression for every notification. */
    private static String account(String value) {
        boolean digits = value.length() == 12;
        for (int i = 0; digits && i < 12; i++) {
            char c = value.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (!digits) {
            throw new MalformedNotificationException("account must be 12 digits");
        }
        return value;
    }

    private static Instant time(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedNotificationException(field + " is not an ISO-8601 time");
        }
    }
}
