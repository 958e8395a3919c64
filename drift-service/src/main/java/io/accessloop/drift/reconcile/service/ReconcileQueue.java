package io.accessloop.drift.reconcile.service;

import io.accessloop.drift.reconcile.repository.ReconcileRun;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * Queues reconciliation runs, at most one queued or running per account. Two replicas queueing at once for the same
 * account race on the database's unique index; the loser is answered with the winner's run.
 */
@ApplicationScoped
public class ReconcileQueue {

    private final Clock clock;

    ReconcileQueue(Clock clock) {
        this.clock = clock;
    }

    /** The queued run, or the one already queued or running for the account ({@code queued} false). */
    public record Requested(ReconcileRun run, boolean queued) {
    }

    public Uni<Requested> request(String accountId, String trigger, String requestedBy) {
        return Panache.withTransaction(() -> active(accountId).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(new Requested(existing, false));
                    }
                    ReconcileRun run = new ReconcileRun();
                    run.id = "rec_" + UUID.randomUUID();
                    run.accountId = accountId;
                    run.trigger = trigger;
                    run.requestedBy = requestedBy;
                    run.status = "QUEUED";
                    run.requestedAt = clock.instant();
                    return run.<ReconcileRun>persist().map(saved -> new Requested(saved, true));
                }))
                .onFailure().recoverWithUni(failure -> Panache.withSession(() -> active(accountId)).map(existing -> {
                    if (existing == null) {
                        throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
                    }
                    return new Requested(existing, false);
                }));
    }

    private static Uni<ReconcileRun> active(String accountId) {
        return ReconcileRun.<ReconcileRun>find("accountId = ?1 and status in ('QUEUED', 'RUNNING')", accountId)
                .firstResult();
    }
}
