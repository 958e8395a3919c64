package io.accessloop.drift.reconcile.service;

import io.accessloop.drift.accounts.domain.Account;
import io.accessloop.drift.accounts.domain.Accounts;
import io.accessloop.drift.reconcile.config.ReconcileSettings;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The periodic reconciliation: queues a run for every watched account (none where one is already queued or running,
 * so replicas firing at the same time queue it once), then the worker runs them.
 */
@ApplicationScoped
public class ReconcileSchedule {

    private static final Logger LOG = Logger.getLogger(ReconcileSchedule.class);

    private final Accounts accounts;
    private final ReconcileQueue queue;
    private final ReconcileWorker worker;

    ReconcileSchedule(Accounts accounts, ReconcileQueue queue, ReconcileWorker worker) {
        this.accounts = accounts;
        this.queue = queue;
        this.worker = worker;
    }

    @Scheduled(every = "${accessloop.drift.reconcile.every:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    Uni<Void> reconcile() {
        return Multi.createFrom().iterable(accounts.all()).map(Account::id)
                .onItem().transformToUniAndConcatenate(id -> queue.request(id, "schedule", null)
                        .onFailure().invoke(e -> LOG.warnf("could not queue the reconciliation of %s: %s", id,
                                e.getMessage()))
                        .onFailure().recoverWithNull())
                .collect().last()
                .invoke(worker::kick)
                .replaceWithVoid();
    }

    /** Skips the schedule where {@code accessloop.drift.reconcile.enabled=false}. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {
        private final ReconcileSettings settings;

        Disabled(ReconcileSettings settings) {
            this.settings = settings;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !settings.enabled();
        }
    }
}
