package io.accessloop.kit.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Refuses relay settings that cannot work, naming every bad one, before the relay starts. */
final class OutboxSettingsCheck {

    /** Rows of one pass are locked in one transaction and listed in single statements: keep a pass bounded. */
    static final int MAX_BATCH_SIZE = 10_000;
    /**
     * The relay's emitter buffers up to 128 messages (SmallRye's default) while the AMQP sender waits for credit;
     * more sends in flight than that could be refused for overflow rather than by the broker.
     */
    static final int MAX_IN_FLIGHT = 128;

    private OutboxSettingsCheck() {
    }

    static void requireValid(OutboxSettings settings) {
        List<String> problems = new ArrayList<>();
        if (settings.batchSize() < 1 || settings.batchSize() > MAX_BATCH_SIZE) {
            problems.add("accessloop.outbox.batch-size must be between 1 and " + MAX_BATCH_SIZE + ", got "
                    + settings.batchSize());
        }
        if (settings.maxInFlight() < 1 || settings.maxInFlight() > MAX_IN_FLIGHT) {
            problems.add("accessloop.outbox.max-in-flight must be between 1 and " + MAX_IN_FLIGHT + ", got "
                    + settings.maxInFlight());
        }
        requirePositive(problems, "accessloop.outbox.poll-interval", settings.pollInterval());
        requirePositive(problems, "accessloop.outbox.send-timeout", settings.sendTimeout());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid outbox relay settings: " + String.join("; ", problems));
        }
    }

    /** Vert.x timers need at least a millisecond, so anything shorter is refused as well. */
    private static void requirePositive(List<String> problems, String name, Duration value) {
        if (value.toMillis() < 1) {
            problems.add(name + " must be at least 1 ms, got " + value);
        }
    }
}
