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
import java.util.UUID;

/**
 * Stores a pushed notification and its {@code AWS_CHANGE_RECEIVED} envelope in one transaction. A notification
 * AWS delivers twice (same event or message id) is stored once; the second push gets the first one's id.
 */
@ApplicationScoped
public class IngestService {

    private final Outbox outbox;
    private final Clock clock;

    IngestService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Accepted> store(Notification notification) {
        return attempt(notification).onFailure().recoverWithUni(failure -> Panache.withSession(
                        () -> RawEvent.<RawEvent>find("sourceId", notification.sourceId()).firstResult())
                .map(existing -> {
                    if (existing == null) {
                        throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
                    }
                    return new Accepted(existing.id, true);
                }));
    }

    /** A concurrent duplicate loses on the unique source id and is answered from the winner's row. */
    private Uni<Accepted> attempt(Notification notification) {
        return Panache.withTransaction(() -> RawEvent.<RawEvent>find("sourceId", notification.sourceId()).firstResult()
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(new Accepted(existing.id, true))
                        : insert(notification)));
    }

    private Uni<Accepted> insert(Notification notification) {
        RawEvent raw = new RawEvent();
        raw.id = "evt_" + UUID.randomUUID();
        raw.sourceId = notification.sourceId();
        raw.kind = notification.kind();
        raw.accountId = notification.accountId();
        raw.body = notification.message().toString();
        raw.receivedAt = clock.instant();
        return raw.<RawEvent>persist()
                .chain(saved -> outbox.append(EventTypes.CHANGE_RECEIVED, saved.id,
                        new AwsChangeReceived(saved.id, saved.kind, saved.accountId, saved.receivedAt)))
                .replaceWith(new Accepted(raw.id, false));
    }

    /** The stored raw event's id; {@code duplicate} when AWS had already delivered it. */
    public record Accepted(String rawEventId, boolean duplicate) {
    }
}
