package io.accessloop.lifecycle.orphan.rest;

import java.time.Instant;

/** An orphan finding as the API shows it. */
public record OrphanView(String id, String principalArn, String owner, String workload, String reason,
                         String proposedAction, String status, Instant detectedAt, Instant resolvedAt) {
}
