package io.accessloop.kit.inbox;

import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.function.Function;

/**
 * Runs a consumer's handler at most once per event id: the processed id and the handler's state changes
 * commit in one transaction, so a redelivered or duplicated event changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EventCodec codec;
    private final MeterRegistry registry;

    Inbox(EventCodec codec, MeterRegistry registry) {
        this.codec = codec;
        this.registry = registry;
    }

    /**
     * Decodes an AMQP body and hands it to {@code handler} once. Malformed messages are counted, logged and
     * dropped (redelivering them cannot help); a failing handler fails the returned Uni so the message is
     * redelivered. The AMQP connector hands JSON bodies over as a String, a Vert.x JsonObject, a Buffer or bytes
     * depending on the sender's content type: all are accepted.
     */
    public Uni<Void> receive(String consumer, Object body, Function<CloudEvent, Uni<Void>> handler) {
        CloudEvent event;
        try {
            event = codec.decode(text(body));
        } catch (MalformedEventException e) {
            registry.counter("accessloop_events_rejected_total", "consumer", consumer).increment();
            LOG.warnf("%s dropped a malformed message: %s", consumer, e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return once(consumer, event, handler);
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (body == null) {
            throw new MalformedEventException("empty message", null);
        }
        // io.vertx JsonObject and Buffer both render their JSON text through toString()
        return body.toString();
    }

    /** Runs {@code handler} in a transaction unless this consumer already processed the event. */
    public Uni<Void> once(String consumer, CloudEvent event, Function<CloudEvent, Uni<Void>> handler) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into inbox_event (consumer, event_id, type) values (?1, ?2, ?3) "
                                        + "on conflict do nothing")
                        .setParameter(1, consumer)
                        .setParameter(2, event.id())
                        .setParameter(3, event.type())
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        registry.counter("accessloop_events_duplicate_total", "consumer", consumer).increment();
                        return Uni.createFrom().voidItem();
                    }
                    registry.counter("accessloop_events_consumed_total", "consumer", consumer,
                            "type", event.type()).increment();
                    return handler.apply(event);
                }));
    }
}
