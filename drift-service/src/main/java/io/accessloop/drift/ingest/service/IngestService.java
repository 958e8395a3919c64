package io.accessloop.drift.ingest.service;

import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.aws.AwsChangeReceived;
import io.accessloop.drift.ingest.domain.Notification;
import io.accessloop.drift.ingest.repository.RawEvent;
import io.accessloop.kit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Stores a pushed notification and its {@code AWS_CHANGE_RECEIVED} envelope in one transaction. A notification
 * AWS delivers twice (same event or message id) is stored once; the second push gets the first one's id. The hot
 * path is one insert (which does nothing for a duplicate, so concurrent duplicates never fail) and the outbox row.
 */
@ApplicationScoped
public class IngestService {

    private static final String INSERT = "insert into raw_event (id, source_id, kind, account_id, body, received_at) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (source_id) do nothing";

    private final Outbox outbox;
    private final Clock clock;

    IngestService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores {@code body}, the notification's message exactly as AWS sent it (unwrapped from any SNS envelope). */
    public Uni<Accepted> store(Notification notification, String body) {
        String id = "evt_" + UUID.randomUUID();
        Instant receivedAt = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, id)
                        .setParameter(2, notification.sourceId())
                        .setParameter(3, notification.kind())
                        .setParameter(4, notification.accountId())
                        .setParameter(5, body)
                        .setParameter(6, receivedAt)
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? outbox.append(EventTypes.CHANGE_RECEIVED, id, new AwsChangeReceived(id, notification.kind(),
                                notification.accountId(), receivedAt)).replaceWith(new Accepted(id, false))
                        : RawEvent.<RawEvent>find("sourceId", notification.sourceId()).firstResult()
                                .map(existing -> new Accepted(existing.id, true))));
    }

    /** The stored raw event's id; {@code duplicate} when AWS had already delivered it. */
    public record Accepted(String rawEventId, boolean duplicate) {
    }
}
