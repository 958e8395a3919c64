package io.accessloop.contracts.drift;

import java.time.Instant;

/**
 * A right-sizing proposal was approved for apply.
 * <p>CloudEvents type {@code io.accessloop.drift.rightsizing.approved.v1}.
 *
 * @param proposalId prp_ id
 * @param accountId AWS account
 * @param principalArn principal
 * @param approvedBy who (lower-cased e-mail)
 * @param comment approver's comment; empty when none
 * @param approvedAt when
 */
public record RightsizingApproved(
        String proposalId,
        String accountId,
        String principalArn,
        String approvedBy,
        String comment,
        Instant approvedAt) {
}
