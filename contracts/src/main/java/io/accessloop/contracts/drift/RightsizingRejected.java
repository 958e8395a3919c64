package io.accessloop.contracts.drift;

import java.time.Instant;

/**
 * A right-sizing proposal was rejected and will not be applied.
 * <p>CloudEvents type {@code io.accessloop.drift.rightsizing.rejected.v1}.
 *
 * @param proposalId prp_ id
 * @param accountId AWS account
 * @param principalArn principal
 * @param rejectedBy who (lower-cased e-mail)
 * @param reason why
 * @param rejectedAt when
 */
public record RightsizingRejected(
        String proposalId,
        String accountId,
        String principalArn,
        String rejectedBy,
        String reason,
        Instant rejectedAt) {
}
