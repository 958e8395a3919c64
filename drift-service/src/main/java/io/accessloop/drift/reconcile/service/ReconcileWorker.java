package io.accessloop.drift.reconcile.service;

import io.accessloop.drift.reconcile.config.ReconcileSettings;
import io.accessloop.drift.reconcile.repository.ReconcileRun;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Runs queued reconciliations in the background. A replica claims a run ({@code FOR UPDATE SKIP LOCKED}) under a
 * lease it renews while working; a run whose lease ran out (its replica died) is claimed again and redone from the
 * start, which is safe because recording a snapshot twice changes nothing.
 */
@ApplicationScoped
public class ReconcileWorker {

    private static final Logger LOG = Logger.getLogger(ReconcileWorker.class);

    private final String holder = "drift-" + UUID.randomUUID();
    private final ReconcileService reconcile;
    private final ReconcileSettings settings;
    private final Vertx vertx;
    private final Clock clock;

    ReconcileWorker(ReconcileService reconcile, ReconcileSettings settings, Vertx vertx, Clock clock) {
        this.reconcile = reconcile;
        this.settings = settings;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** Starts working on queued runs now, in the background (the caller does not wait). */
    public void kick() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> runDue().subscribe()
                .with(n -> { }, e -> LOG.warnf("reconciliation failed: %s", e.getMessage())));
    }

    @Scheduled(every = "${accessloop.drift.reconcile.poll:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return runDue().onFailure().invoke(e -> LOG.warnf("reconciliation failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Claims and runs every due run, one after the other; returns how many it ran. */
    public Uni<Integer> runDue() {
        return claim().chain(runs -> runs.isEmpty() ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(runs)
                        .onItem().transformToUniAndConcatenate(run -> reconcile.execute(run, holder))
                        .collect().asList().map(List::size));
    }

    private Uni<List<ReconcileRun>> claim() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select * from reconcile_run where (status = 'QUEUED' "
                                + "or (status = 'RUNNING' and lease_until < ?1)) order by requested_at limit 10 "
                                + "for update skip locked", ReconcileRun.class)
                        .setParameter(1, now)
                        .getResultList())
                .invoke(runs -> runs.forEach(run -> {
                    if ("RUNNING".equals(run.status)) {
                        LOG.infof("taking over reconciliation %s of account %s from %s, whose lease ran out",
                                run.id, run.accountId, run.holder);
                    }
                    run.status = "RUNNING";
                    run.holder = holder;
                    run.startedAt = now;
                    run.leaseUntil = now.plus(settings.lease());
                    run.scanned = 0;
                    run.changed = 0;
                    run.errors = 0;
                    run.errorMessages = null;
                })));
    }
}
