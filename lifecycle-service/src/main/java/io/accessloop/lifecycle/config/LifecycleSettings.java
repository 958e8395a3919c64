package io.accessloop.lifecycle.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of lifecycle-service; each also works as an environment variable (ACCESSLOOP_LIFECYCLE_...). */
@ConfigMapping(prefix = "accessloop.lifecycle")
public interface LifecycleSettings {

    /** Grant expiry. */
    Expiry expiry();

    /** The HR webhook. */
    Hr hr();

    /** Offboarding cases. */
    Offboarding offboarding();

    /** The inactive IAM users and keys sweep. */
    Inactive inactive();

    /** Orphan detection. */
    Orphans orphans();

    /** Workload retirement. */
    Workloads workloads();

    interface Workloads {
        /**
         * How often roles tagged {@code accessloop:retire-at} with a time in the past are retired; {@code off}
         * disables it on this replica.
         */
        @WithDefault("5m")
        String retireAtEvery();
    }

    interface Orphans {
        /** How often roles are scanned for missing, unknown or departed owners; {@code off} disables it. */
        @WithDefault("1h")
        String every();
    }

    interface Expiry {
        /**
         * Most due grants (or due reminders) one sweep transaction claims; the sweep repeats until nothing is due.
         * Claimed grants leave as REVOKE_GRANTS commands of one role and at most 1,000 grants each, so a claim of
         * 1,000 or more lets an expiry storm of one role go out in full commands.
         */
        @WithDefault("1000")
        int batchSize();

        /**
         * How long before its end a grant's owner is reminded (one GRANT_EXPIRING event per lead), e.g.
         * {@code PT1H,PT10M}; whole seconds. A lead already past when the end is planned is skipped, except the
         * shortest, which is then sent at once.
         */
        @WithDefault("PT1H,PT10M")
        List<Duration> reminders();
    }

    interface Hr {
        /** Accepted distance between the signature timestamp and now, either way. */
        @WithDefault("PT5M")
        Duration tolerance();

        /** Largest accepted body; bigger calls are refused with 413 before anything is parsed. */
        @WithDefault("65536")
        int maxBodyBytes();

        /** HR systems allowed to call, by name (e.g. {@code workday}); each signs with its own secret. */
        Map<String, Source> sources();

        interface Source {
            /** The current HMAC-SHA256 signing secret. */
            String secret();

            /** The secret being rotated out; valid together with {@link #secret()} until removed. */
            Optional<String> previousSecret();
        }
    }

    interface Offboarding {
        /** How long a worker holds a case before another replica may take it over (a crashed worker's lease). */
        @WithDefault("PT30S")
        Duration lease();

        /** First wait before a failed step is retried; doubled per attempt up to {@link #maxRetryDelay()}. */
        @WithDefault("PT5S")
        Duration retryDelay();

        /** Longest wait between retries. */
        @WithDefault("PT5M")
        Duration maxRetryDelay();

        /**
         * How many IAM reads an offboarding step makes at once (the tags of every user and role in the account, the
         * parts of a leaver's user); 1 reads one after another.
         */
        @WithDefault("8")
        int iamReadConcurrency();

        /** What happens to a leaver's IAM user once stripped of credentials, groups and policies: delete or tag. */
        @WithDefault("delete")
        String userDisposition();
    }

    interface Inactive {
        /** How often the sweep runs, e.g. {@code 24h}; {@code off} disables it on this replica. */
        @WithDefault("24h")
        String every();

        /** Only users under this IAM path are swept. */
        @WithDefault("/")
        String pathPrefix();

        /** No console sign-in and no key use for this long: keys deactivated, login profile removed. */
        @WithDefault("P90D")
        Duration disableAfter();

        /** Disabled users are deleted this long after being disabled. */
        @WithDefault("P30D")
        Duration deleteAfter();

        /** Active access keys older than this get a notice... */
        @WithDefault("P90D")
        Duration keyMaxAge();

        /** ...and are deactivated this long after it. */
        @WithDefault("P14D")
        Duration keyNotice();
    }
}
