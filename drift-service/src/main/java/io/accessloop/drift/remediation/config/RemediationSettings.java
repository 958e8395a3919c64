package io.accessloop.drift.remediation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Automatic remediation per rule; every one is off unless enabled here. */
@ConfigMapping(prefix = "accessloop.drift.remediation")
public interface RemediationSettings {

    /** Detach a managed policy attached to a managed principal outside Accessloop (IAM Detach*Policy). */
    RuleRemediation outOfBandChange();

    /** Deactivate an active access key older than the key-age limit (IAM UpdateAccessKey Inactive). */
    RuleRemediation accessKeyTooOld();

    /** Deactivate a human user's long-lived access key (IAM UpdateAccessKey Inactive). */
    RuleRemediation humanUserAccessKey();

    /** How often pending remediations are carried out. */
    @WithDefault("10s")
    String every();

    /** How long a replica may hold a claimed remediation before another one retries it. */
    @WithDefault("PT2M")
    Duration claim();

    /** Attempts before a remediation is given up as failed (the finding stays open either way). */
    @WithDefault("3")
    int maxAttempts();

    /** Pause before a failed attempt is retried. */
    @WithDefault("PT1M")
    Duration retryAfter();

    /** One rule's remediation. */
    interface RuleRemediation {

        /** Whether Accessloop undoes this rule's findings by itself. */
        @WithDefault("false")
        boolean enabled();

        /** ARN patterns of the principals it may touch; unset means every principal the rule reports. */
        Optional<List<String>> principals();
    }
}
