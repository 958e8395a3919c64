package io.accessloop.kit.metrics;

import io.accessloop.kit.aws.AwsClients;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** Adds the CloudWatch registry to the service's meters at start-up when {@code accessloop.metrics.cloudwatch.enabled}. */
@ApplicationScoped
public class CloudWatchPublishing {

    private static final Logger LOG = Logger.getLogger(CloudWatchPublishing.class);

    private final CloudWatchSettings settings;
    private final AwsClients clients;
    private final MeterRegistry meters;
    private final String service;
    private CloudWatchMeterRegistry registry;

    CloudWatchPublishing(CloudWatchSettings settings, AwsClients clients, MeterRegistry meters,
                         @ConfigProperty(name = "quarkus.application.name") String service) {
        this.settings = settings;
        this.clients = clients;
        this.meters = meters;
        this.service = service;
    }

    void start(@Observes StartupEvent started) {
        if (!settings.enabled()) {
            return;
        }
        if (!(meters instanceof CompositeMeterRegistry composite)) {
            throw new IllegalStateException("CloudWatch publishing needs Micrometer's composite registry, found "
                    + meters.getClass().getName());
        }
        registry = CloudWatchPublisher.registry(settings, service, clients.build(CloudWatchClient.builder()));
        composite.add(registry);
        LOG.infof("publishing %s* metrics to CloudWatch namespace %s every %s", settings.meterPrefix(),
                settings.namespace(), settings.step());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (registry != null) {
            // close() sends what the last step collected, so a rolling restart leaves no gap
            registry.close();
        }
    }

    /** Whether this replica sends to CloudWatch. */
    public boolean publishing() {
        return registry != null && !registry.isClosed();
    }
}
