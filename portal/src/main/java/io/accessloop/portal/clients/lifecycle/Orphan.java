package io.accessloop.portal.clients.lifecycle;

import java.time.Instant;

/** A role nobody answers for (no, unknown or departed owner), with what should happen to it. */
public record Orphan(String id, String principalArn, String owner, String workload, String reason,
                     String proposedAction, String status, Instant detectedAt, Instant resolvedAt) {
}
