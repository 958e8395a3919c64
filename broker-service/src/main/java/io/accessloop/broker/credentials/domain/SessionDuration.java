package io.accessloop.broker.credentials.domain;

import io.accessloop.broker.domain.RuleViolation;

import java.time.Duration;

/**
 * {@code DurationSeconds} of an AssumeRole: the grant's remaining time, capped by the role's maximum session and
 * STS's 12 hours; below STS's 15-minute floor no credentials can be issued.
 */
public final class SessionDuration {

    public static final long MIN_SECONDS = 900;
    public static final long MAX_SECONDS = 43_200;

    private SessionDuration() {
    }

    public static int of(Duration remaining, long roleMaxSeconds) {
        long seconds = Math.min(Math.min(remaining.toSeconds(), roleMaxSeconds), MAX_SECONDS);
        if (seconds < MIN_SECONDS) {
            String why = remaining.toSeconds() < MIN_SECONDS
                    ? "the grant has " + Math.max(0, remaining.toSeconds()) + " s left"
                    : "the role's maximum session is " + roleMaxSeconds + " s";
            throw RuleViolation.refused("session-too-short", "STS issues credentials for at least "
                    + MIN_SECONDS + " s (15 minutes) and " + why + "; extend the grant or request a new one");
        }
        return (int) seconds;
    }
}
