package io.accessloop.drift.reconcile.service;

import io.accessloop.drift.reconcile.config.ReconcileSettings;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The periodic reconciliation; the lease keeps it to one replica at a time. */
@ApplicationScoped
public class ReconcileSchedule {

    private static final Logger LOG = Logger.getLogger(ReconcileSchedule.class);

    private final ReconcileService reconcile;

    ReconcileSchedule(ReconcileService reconcile) {
        this.reconcile = reconcile;
    }

    @Scheduled(every = "${accessloop.drift.reconcile.every:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    Uni<Void> reconcile() {
        return reconcile.run("schedule", null)
                .onFailure().invoke(e -> LOG.warnf("scheduled reconciliation failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
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
