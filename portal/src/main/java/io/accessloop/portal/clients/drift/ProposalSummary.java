package io.accessloop.portal.clients.drift;

import java.time.Instant;

/**
 * One right-sizing proposal in drift-service's list; {@code analyzerChecks} is Access Analyzer's verdict on it
 * (PASSED, FAILED, UNAVAILABLE, or null when not run).
 */
public record ProposalSummary(String id, String accountId, String principalArn, String kind, String status,
                              String mode, String confidence, String summary, int removedPermissions, boolean proven,
                              Instant createdAt, Instant appliedAt, Instant watchUntil, Instant closedAt,
                              String analyzerChecks) {
}
