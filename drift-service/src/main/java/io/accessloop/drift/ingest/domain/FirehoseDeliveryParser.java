package io.accessloop.drift.ingest.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the body of a Firehose HTTP endpoint delivery, {@code {"requestId": "…", "timestamp": <epoch ms>,
 * "records": [{"data": "<base64>"}, …]}}, streaming (a delivery may be megabytes), and recognises every record with
 * {@link NotificationParser#parseEvent}. The delivery is all or nothing: the first record that is not base64, not
 * UTF-8, or not a well-formed EventBridge event fails the whole delivery with a message naming its index.
 */
public final class FirehoseDeliveryParser {

    private final JsonFactory factory;
    private final NotificationParser notifications;
    private final int maxRecords;

    public FirehoseDeliveryParser(JsonFactory factory, NotificationParser notifications, int maxRecords) {
        this.factory = factory;
        this.notifications = notifications;
        this.maxRecords = maxRecords;
    }

    /**
     * The delivery; {@link MalformedNotificationException} for a malformed body or record, {@link
     * DeliveryTooLargeException} for more than {@code maxRecords} records.
     */
    public FirehoseDelivery parse(byte[] body) {
        try (JsonParser json = factory.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedNotificationException("the body must be a JSON object");
            }
            String requestId = null;
            Long timestamp = null;
            List<FirehoseDelivery.Record> records = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "requestId" -> {
                        if (value != JsonToken.VALUE_STRING || json.getText().isBlank()) {
                            throw new MalformedNotificationException("requestId must be a non-empty string");
                        }
                        requestId = json.getText();
                    }
                    case "timestamp" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT) {
                            throw new MalformedNotificationException("timestamp must be epoch milliseconds");
                        }
                        timestamp = json.getLongValue();
                    }
                    case "records" -> records = records(json, value);
                    default -> json.skipChildren();
                }
            }
            if (json.nextToken() != null) {
                throw new MalformedNotificationException("the body has content after its JSON object");
            }
            if (requestId == null) {
                throw new MalformedNotificationException("requestId is required");
            }
            if (timestamp == null) {
                throw new MalformedNotificationException("timestamp is required");
            }
            if (records == null) {
                throw new MalformedNotificationException("records is required");
            }
            return new FirehoseDelivery(requestId, timestamp, records);
        } catch (JsonProcessingException e) {
            throw new MalformedNotificationException("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<FirehoseDelivery.Record> records(JsonParser json, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw new MalformedNotificationException("records must be an array");
        }
        List<FirehoseDelivery.Record> records = new ArrayList<>();
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            int index = records.size();
            if (index >= maxRecords) {
                throw new DeliveryTooLargeException("a delivery may carry at most " + maxRecords + " records");
            }
            if (token != JsonToken.START_OBJECT) {
                throw new MalformedNotificationException("records[" + index + "] must be an object");
            }
            String data = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if ("data".equals(field) && value == JsonToken.VALUE_STRING) {
                    data = json.getText();
                } else if ("data".equals(field)) {
                    throw new MalformedNotificationException("records[" + index + "].data must be a string");
                } else {
                    json.skipChildren();
                }
            }
            if (data == null) {
                throw new MalformedNotificationException("records[" + index + "].data is required");
            }
            records.add(record(index, data));
        }
        return records;
    }

    private FirehoseDelivery.Record record(int index, String data) {
        String text = text(index, data).stripTrailing();
        try {
            return new FirehoseDelivery.Record(notifications.parseEvent(text), text);
        } catch (MalformedNotificationException e) {
            throw new MalformedNotificationException("records[" + index + "]: " + e.getMessage());
        }
    }

    private static String text(int index, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MalformedNotificationException("records[" + index + "].data is not base64");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedNotificationException("records[" + index + "].data is not UTF-8 text");
        }
    }
}
