package io.accessloop.lifecycle.expiry.service;

import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.command.RevokeGrant;
import io.accessloop.lifecycle.audit.service.RecordedOutbox;
import io.accessloop.lifecycle.config.LifecycleSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Sends the revoke command for every grant whose end has come. Due rows are claimed in batches
 * ({@code accessloop.lifecycle.expiry.batch-size}) with {@code FOR UPDATE SKIP LOCKED}, so replicas split the work;
 * each batch's state change, commands and ledger entries commit together in one transaction with a few multi-row
 * statements, so a sweep cut short is simply finished by the next one. The due query is served by the partial
 * index {@code grant_schedule_due (ends_at) where status = 'ACTIVE'}.
 */
@ApplicationScoped
public class ExpirySweep {

    /** Who the revoke commands name as requester. */
    public static final String REQUESTED_BY = "lifecycle-service";
    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);

    private final RecordedOutbox outbox;
    private final Clock clock;
    private final int batchSize;

    ExpirySweep(RecordedOutbox outbox, Clock clock, LifecycleSettings settings) {
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = settings.expiry().batchSize();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("expiry sweep failed, the next one resumes: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Revokes everything due now; returns how many revoke commands were sent. */
    public Uni<Integer> sweep() {
        return batch().chain(sent -> sent < batchSize
                ? Uni.createFrom().item(sent)
                : sweep().map(more -> more + sent));
    }

    private Uni<Integer> batch() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select grant_id, identity from grant_schedule "
                                        + "where status = 'ACTIVE' and ends_at <= ?1 order by ends_at limit ?2 "
                                        + "for update skip locked", Object[].class)
                        .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .setParameter(2, batchSize)
                        .getResultList()
                        .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0) : revoke(session, rows, now))));
    }

    private Uni<Integer> revoke(org.hibernate.reactive.mutiny.Mutiny.Session session, List<Object[]> rows, Instant now) {
        List<String> ids = rows.stream().map(row -> (String) row[0]).toList();
        return session.createNativeQuery("update grant_schedule set status = 'REVOKE_SENT', revoke_sent_at = :now, "
                        + "updated_at = :now where grant_id in (:ids)")
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("ids", ids)
                .executeUpdate()
                .chain(() -> outbox.publishAll(EventTypes.REVOKE_GRANT, rows.stream()
                        .map(row -> new RecordedOutbox.Outgoing<>((String) row[0],
                                new RevokeGrant((String) row[0], "expired", REQUESTED_BY), (String) row[1]))
                        .toList()))
                .map(List::size);
    }
}
