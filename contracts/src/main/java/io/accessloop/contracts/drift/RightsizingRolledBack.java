package io.accessloop.contracts.drift;

import java.time.Instant;

/**
 * An applied proposal was undone.
 * <p>CloudEvents type {@code io.accessloop.drift.rightsizing.rolledback.v1}.
 *
 * @param proposalId prp_ id
 * @param principalArn principal
 * @param reason manual or AccessDenied spike
 * @param rolledBackAt when
 */
public record RightsizingRolledBack(
        String proposalId,
        String principalArn,
        String reason,
        Instant rolledBackAt) {
}
