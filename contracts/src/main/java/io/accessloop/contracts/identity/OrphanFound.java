package io.accessloop.contracts.identity;

import java.time.Instant;

/**
 * A principal whose owner is offboarded or unknown.
 * <p>CloudEvents type {@code io.accessloop.identity.orphan.found.v1}.
 *
 * @param accountId AWS account
 * @param principalArn role or user
 * @param owner the owner named by the accessloop:owner tag; empty when none
 * @param reason owner-offboarded or owner-unknown
 * @param proposedAction what should happen to it
 * @param foundAt when
 */
public record OrphanFound(
        String accountId,
        String principalArn,
        String owner,
        String reason,
        String proposedAction,
        Instant foundAt) {
}
