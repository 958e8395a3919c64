package io.accessloop.drift.rightsizing.usage;

import java.time.Instant;

/** Counts of one {@link UsageKey}: allowed calls, refused calls, first and last seen. */
public record UsageCount(long allowed, long denied, Instant firstSeen, Instant lastSeen) {

    public UsageCount plus(UsageCount other) {
        return new UsageCount(allowed + other.allowed, denied + other.denied,
                firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen,
                lastSeen.isAfter(other.lastSeen) ? lastSeen : other.lastSeen);
    }
}
