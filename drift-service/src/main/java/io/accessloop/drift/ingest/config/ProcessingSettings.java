package io.accessloop.drift.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How stored notifications are processed from {@code accessloop.aws.changes}, per replica. */
@ConfigMapping(prefix = "accessloop.drift.processing")
public interface ProcessingSettings {

    /**
     * Changes processed at the same time, each in its own transaction. Changes to the same resource (and the
     * CloudTrail calls on it) still run one after another, in the order they arrived. Most of a change's time is
     * spent waiting for the database or CloudTrail, so a few per core keep 2 cores busy.
     */
    @WithDefault("8")
    int concurrency();

    /**
     * Changes taken from the queue and not yet acknowledged (running or waiting behind a change to the same
     * resource); the consumer takes no more until one finishes. At least {@code concurrency}.
     */
    @WithDefault("64")
    int maxPending();
}
