package io.accessloop.contracts.drift;

import java.time.Instant;

/**
 * A proposal was applied to IAM.
 * <p>CloudEvents type {@code io.accessloop.drift.rightsizing.applied.v1}.
 *
 * @param proposalId prp_ id
 * @param principalArn principal
 * @param appliedBy person or schedule
 * @param appliedAt when
 */
public record RightsizingApplied(
        String proposalId,
        String principalArn,
        String appliedBy,
        Instant appliedAt) {
}
