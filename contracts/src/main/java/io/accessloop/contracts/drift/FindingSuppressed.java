package io.accessloop.contracts.drift;

import java.time.Instant;

/**
 * A finding was suppressed with a reason until a given time.
 * <p>CloudEvents type {@code io.accessloop.drift.finding.suppressed.v1}.
 *
 * @param findingId fnd_ id
 * @param accountId AWS account
 * @param principalArn principal
 * @param rule rule id
 * @param reason why it is accepted for now
 * @param suppressedBy who (lower-cased e-mail)
 * @param until when the suppression ends
 * @param suppressedAt when
 */
public record FindingSuppressed(
        String findingId,
        String accountId,
        String principalArn,
        String rule,
        String reason,
        String suppressedBy,
        Instant until,
        Instant suppressedAt) {
}
