package io.accessloop.kit.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Publishing the service's own metrics to Amazon CloudWatch, beside Prometheus. Off unless switched on. */
@ConfigMapping(prefix = "accessloop.metrics.cloudwatch")
public interface CloudWatchSettings {

    /** Whether metrics are also sent to CloudWatch (with the {@code accessloop.aws.*} client settings). */
    @WithDefault("false")
    boolean enabled();

    /** CloudWatch namespace the metrics land in; the deploy alarms expect the default. */
    @WithDefault("Accessloop")
    String namespace();

    /** How often a batch of values is sent; each send is one PutMetricData call per 20 values. */
    @WithDefault("PT1M")
    Duration step();

    /** Only meters whose name starts with this are sent, so JVM and HTTP internals do not cost CloudWatch money. */
    @WithDefault("accessloop_")
    String meterPrefix();
}
