package io.accessloop.contracts.drift;

import java.time.Instant;

/**
 * An automatic remediation was carried out for a finding.
 * <p>CloudEvents type {@code io.accessloop.drift.remediation.applied.v1}.
 *
 * @param findingId fnd_ id
 * @param accountId AWS account
 * @param principalArn principal
 * @param rule rule id
 * @param action what was done
 * @param outcome succeeded or failed, with the reason
 * @param appliedAt when
 */
public record RemediationApplied(
        String findingId,
        String accountId,
        String principalArn,
        String rule,
        String action,
        String outcome,
        Instant appliedAt) {
}
