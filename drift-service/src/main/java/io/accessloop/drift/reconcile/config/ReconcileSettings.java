package io.accessloop.drift.reconcile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Pull reconciliation against AWS Config (or IAM where Config does not record). */
@ConfigMapping(prefix = "accessloop.drift.reconcile")
public interface ReconcileSettings {

    /** Whether the scheduled reconciliation runs on this replica (on-demand runs always work). */
    @WithDefault("true")
    boolean enabled();

    /** Interval of the scheduled run. */
    @WithDefault("15m")
    String every();

    /** How often a replica looks for queued runs and runs whose replica died. */
    @WithDefault("5s")
    String poll();

    /** {@code auto} (Config, falling back to IAM), {@code config} or {@code iam}. */
    @WithDefault("auto")
    String source();

    /** How long a run's lease lasts without progress before another replica takes the run over. */
    @WithDefault("PT10M")
    Duration lease();
}
