package io.accessloop.kit.metrics;

import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.config.MeterFilter;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.time.Duration;

/**
 * A Micrometer registry that sends the service's {@code accessloop_} meters to CloudWatch, with the service's name as
 * the {@code service} dimension. Plain Micrometer: the Quarkus wiring lives in {@link CloudWatchPublishing}.
 */
public final class CloudWatchPublisher {

    private CloudWatchPublisher() {
    }

    public static CloudWatchMeterRegistry registry(CloudWatchSettings settings, String service, CloudWatchClient client) {
        CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(config(settings), Clock.SYSTEM,
                new BlockingCloudWatch(client));
        registry.config()
                .meterFilter(MeterFilter.denyUnless(id -> id.getName().startsWith(settings.meterPrefix())))
                .commonTags("service", service);
        return registry;
    }

    private static CloudWatchConfig config(CloudWatchSettings settings) {
        String namespace = settings.namespace();
        Duration step = settings.step();
        return new CloudWatchConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String namespace() {
                return namespace;
            }

            @Override
            public Duration step() {
                return step;
            }
        };
    }
}
