package io.accessloop.drift.rightsizing.domain;

import java.time.Instant;

/** Stored CloudTrail usage of one action (and resource, when known) by one principal, summed over a period. */
public record UsedAction(String action, String resource, long calls, Instant lastSeen) {
}
