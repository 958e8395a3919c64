package io.accessloop.drift.inventory.rest;

import java.time.Instant;

/** One entry of a resource's history: the state after the change and who made it. */
public record VersionView(int version, String changeType, String source, Instant capturedAt, String changedBy,
                          String sourceIdentity, Instant recordedAt, PrincipalView state) {
}
