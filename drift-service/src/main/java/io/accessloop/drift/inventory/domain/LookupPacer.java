package io.accessloop.drift.inventory.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces LookupEvents requests per account so that they stay under CloudTrail's rate limit: each request books the
 * next free slot of its account and waits until then.
 */
public final class LookupPacer {

    private final Duration gap;
    private final Map<String, Instant> nextFree = new HashMap<>();

    public LookupPacer(double requestsPerSecond) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requests per second must be a positive number, got "
                    + requestsPerSecond);
        }
        this.gap = Duration.ofNanos(Math.round(1e9 / requestsPerSecond));
    }

    /** Books the account's next slot at or after {@code now}; returns how long to wait for it. */
    public synchronized Duration reserve(String accountId, Instant now) {
        Instant free = nextFree.getOrDefault(accountId, now);
        Instant slot = free.isAfter(now) ? free : now;
        nextFree.put(accountId, slot.plus(gap));
        return Duration.between(now, slot);
    }
}
