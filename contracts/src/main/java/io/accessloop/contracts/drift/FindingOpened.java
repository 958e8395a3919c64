package io.accessloop.contracts.drift;

import java.time.Instant;

/**
 * A drift rule found something to look at.
 * <p>CloudEvents type {@code io.accessloop.drift.finding.opened.v1}.
 *
 * @param findingId fnd_ id
 * @param accountId AWS account
 * @param principalArn affected principal or policy
 * @param rule rule id
 * @param severity low, medium, high or critical
 * @param summary one line for humans
 * @param changedBy CloudTrail actor when known (optional)
 * @param detectedAt when
 */
public record FindingOpened(
        String findingId,
        String accountId,
        String principalArn,
        String rule,
        String severity,
        String summary,
        String changedBy,
        Instant detectedAt) {
}
