package io.accessloop.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a service publishes its outbox. */
@ConfigMapping(prefix = "accessloop.outbox")
public interface OutboxSettings {

    /** CloudEvents {@code source} of everything this service publishes, e.g. {@code /broker-service}. */
    String source();

    /** Most events one relay pass claims and publishes. */
    @WithDefault("200")
    int batchSize();

    /** Sent events older than this are deleted by the pruning job. */
    @WithDefault("P7D")
    Duration retention();

    /** Pause between relay passes when there is nothing to publish. */
    @WithDefault("PT0.2S")
    Duration pollInterval();

    /**
     * Longest wait for the broker to accept one event. A send still unsettled after it ends the pass (its rows are
     * released for the next one) instead of holding the pass, and the rows' locks, forever.
     */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /** Whether this replica runs the relay (tests of a crash between commit and publish turn it off). */
    @WithDefault("true")
    boolean relayEnabled();
}
