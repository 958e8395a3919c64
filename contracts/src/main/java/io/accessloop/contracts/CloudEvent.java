package io.accessloop.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. The payload stays a JSON tree here so that
 * relays and inboxes handle any type; {@link EventCodec#payload} turns it into the typed record.
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        requireText(specversion, "specversion");
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        requireText(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("unsupported CloudEvents specversion " + specversion);
        }
        if (datacontenttype == null) {
            datacontenttype = JSON;
        }
    }

    /** A new event with a random id, serialised through the given codec. */
    public static <T> CloudEvent create(EventType<T> type, String source, String subject, T payload,
                                        Instant time, EventCodec codec) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type.type(), subject, time, JSON,
                codec.toTree(payload));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CloudEvent attribute '" + name + "' is required");
        }
    }
}
