package io.accessloop.lifecycle.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Events shaped exactly like the golden samples in {@code contracts}, with fresh ids and the fields a test needs
 * changed, sent over the real broker: they are put into this service's outbox table with their own address, and
 * the outbox relay publishes them to {@code accessloop.access} / {@code accessloop.drift} like the broker would.
 */
public final class Events {

    private static final EventCodec CODEC = new EventCodec();

    private Events() {
    }

    /** The golden sample of {@code type} with a new id and time, its data edited by {@code edit}. */
    public static ObjectNode sample(EventType<?> type, Consumer<ObjectNode> edit) {
        try (InputStream in = Events.class.getResourceAsStream(type.sampleResource())) {
            ObjectNode envelope = (ObjectNode) CODEC.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            envelope.put("id", UUID.randomUUID().toString());
            envelope.put("time", Instant.now().toString());
            edit.accept((ObjectNode) envelope.get("data"));
            return envelope;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends an envelope to its type's address through the real AMQP broker. */
    public static void send(EventType<?> type, ObjectNode envelope) {
        Db.update("insert into outbox_event (event_id, address, type, subject, envelope) values (?, ?, ?, ?, ?)",
                envelope.get("id").asText(), type.address(), type.type(), envelope.get("subject").asText(),
                envelope.toString());
    }

    public static ObjectNode sendSample(EventType<?> type, Consumer<ObjectNode> edit) {
        ObjectNode envelope = sample(type, edit);
        send(type, envelope);
        return envelope;
    }

    public static String grantId() {
        return "grt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
