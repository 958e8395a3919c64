package io.accessloop.sandbox.engine;

import io.accessloop.sandbox.config.NotificationTarget;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the engine is configured with (the Quarkus edge maps {@code accessloop.sandbox.*} onto it).
 *
 * @param verifySignatures   false accepts any signature of a known key (never use outside benchmarks of the rest)
 * @param trailCapacity      how many CloudTrail events LookupEvents keeps
 * @param initialScenario    the scenario seeded at start ({@code empty} or {@code demo})
 */
public record SandboxSettings(String accountId, String region, String bootstrapAccessKeyId,
                              String bootstrapSecretAccessKey, boolean verifySignatures,
                              Optional<Path> cloudTrailLogDirectory, Duration cloudTrailFlushInterval,
                              List<NotificationTarget> notificationTargets, String initialScenario,
                              int trailCapacity) {

    public static SandboxSettings defaults() {
        return new SandboxSettings("000000000000", "us-east-1", "test", "test", true, Optional.empty(),
                Duration.ofSeconds(5), List.of(), "empty", 50_000);
    }
}
