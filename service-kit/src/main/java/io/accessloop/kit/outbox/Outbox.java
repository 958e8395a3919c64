package io.accessloop.kit.outbox;

import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * Stores an event in the same database transaction as the state change it describes.
 * The {@link OutboxRelay} publishes it afterwards, so a crash between commit and publish loses nothing.
 */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec;
    private final OutboxSettings settings;
    private final Clock clock;

    Outbox(EventCodec codec, OutboxSettings settings, Clock clock) {
        this.codec = codec;
        this.settings = settings;
        this.clock = clock;
    }

    /** Appends an event; must run inside the caller's {@code Panache.withTransaction}. */
    public <T> Uni<CloudEvent> append(EventType<T> type, String subject, T payload) {
        CloudEvent event = CloudEvent.create(type, settings.source(), subject, payload, clock.instant(), codec);
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.append must run inside the transaction of the state change"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(
                                "insert into outbox_event (event_id, address, type, subject, envelope, created_at) "
                                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                        .setParameter(1, event.id())
                        .setParameter(2, type.address())
                        .setParameter(3, type.type())
                        .setParameter(4, subject)
                        .setParameter(5, codec.encode(event))
                        .setParameter(6, java.time.OffsetDateTime.ofInstant(event.time(), java.time.ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWith(event);
    }
}
