package io.accessloop.kit.outbox;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips relay passes on replicas (or tests) configured with {@code accessloop.outbox.relay-enabled=false}. */
@Singleton
public class RelayDisabled implements Scheduled.SkipPredicate {

    private final OutboxSettings settings;

    RelayDisabled(OutboxSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !settings.relayEnabled();
    }
}
