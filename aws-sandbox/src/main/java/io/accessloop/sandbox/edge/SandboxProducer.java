package io.accessloop.sandbox.edge;

import io.accessloop.sandbox.config.NotificationTarget;
import io.accessloop.sandbox.control.DemoActivity;
import io.accessloop.sandbox.core.SandboxClock;
import io.accessloop.sandbox.engine.Sandbox;
import io.accessloop.sandbox.engine.SandboxSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Creates the one engine from the configuration and runs the demo activity when asked to. */
@ApplicationScoped
public class SandboxProducer {

    private ScheduledExecutorService activity;

    @Produces
    @Singleton
    Sandbox sandbox(SandboxConfig config) {
        List<NotificationTarget> targets = config.configNotifications().urls().orElse(List.of()).stream()
                .map(url -> new NotificationTarget(url, config.configNotifications().headerName().orElse(null),
                        config.configNotifications().headerValue().orElse(null)))
                .toList();
        SandboxSettings settings = new SandboxSettings(config.accountId(), config.region(),
                config.bootstrap().accessKeyId(), config.bootstrap().secretAccessKey(), config.verifySignatures(),
                config.cloudtrail().logDirectory(), config.cloudtrail().flushInterval(), targets, config.scenario(),
                config.cloudtrail().capacity());
        return new Sandbox(settings, SandboxClock.systemUtc());
    }

    void close(@Disposes Sandbox sandbox) {
        sandbox.close();
    }

    void start(@Observes StartupEvent event, Sandbox sandbox, SandboxConfig config) {
        long millis = config.demoActivityInterval().toMillis();
        if (millis > 0) {
            activity = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "demo-activity");
                t.setDaemon(true);
                return t;
            });
            activity.scheduleWithFixedDelay(() -> DemoActivity.round(sandbox, sandbox.clock().now()), millis, millis,
                    TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (activity != null) {
            activity.shutdownNow();
        }
    }
}
