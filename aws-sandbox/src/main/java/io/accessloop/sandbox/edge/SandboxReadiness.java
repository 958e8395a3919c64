package io.accessloop.sandbox.edge;

import io.accessloop.sandbox.engine.Sandbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the engine is built and seeded; reports the account and region. */
@Readiness
@ApplicationScoped
public class SandboxReadiness implements HealthCheck {

    @Inject
    Sandbox sandbox;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("aws-sandbox").up()
                .withData("accountId", sandbox.settings().accountId())
                .withData("region", sandbox.settings().region())
                .build();
    }
}
