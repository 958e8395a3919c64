package io.accessloop.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a service publishes its outbox. */
@ConfigMapping(prefix = "accessloop.outbox")
public interface OutboxSettings {

    /** CloudEvents {@code source} of everything this service publishes, e.g. {@code /broker-service}. */
    String source();

    /** Most events one relay pass claims and publishes (1 to 10000). */
    @WithDefault("200")
    int batchSize();

    /**
     * Most sends of one relay pass awaiting the broker's acceptance at once, across subjects (1 to 128, the outgoing
     * channel's buffer). Events of one subject are never in flight together: each is sent after the previous one of
     * its subject was accepted, so consumers see each subject in append order. 1 sends one event at a time.
     */
    @WithDefault("64")
    int maxInFlight();

    /** Sent events older than this are deleted by the pruning job. */
    @WithDefault("P7D")
    Duration retention();

    /** Pause between relay passes when there is nothing to publish (positive). */
    @WithDefault("PT0.2S")
    Duration pollInterval();

    /**
     * Longest wait for the broker to accept one event (positive). A send still unsettled after it counts as refused:
     * it and the later events of its subject are left for the next pass instead of holding the pass, and the rows'
     * locks, forever.
     */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /** Whether this replica runs the relay (tests of a crash between commit and publish turn it off). */
    @WithDefault("true")
    boolean relayEnabled();
}
