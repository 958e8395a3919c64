package io.accessloop.contracts.drift;

import java.time.Instant;

/**
 * A finding no longer holds.
 * <p>CloudEvents type {@code io.accessloop.drift.finding.resolved.v1}.
 *
 * @param findingId fnd_ id
 * @param accountId AWS account
 * @param principalArn principal
 * @param rule rule id
 * @param resolution how it went away
 * @param resolvedAt when
 */
public record FindingResolved(
        String findingId,
        String accountId,
        String principalArn,
        String rule,
        String resolution,
        Instant resolvedAt) {
}
