package io.accessloop.contracts.identity;

import java.time.Instant;

/**
 * A person is on leave; eligibility is suspended.
 * <p>CloudEvents type {@code io.accessloop.identity.suspended.v1}.
 *
 * @param identity person
 * @param employeeId HR id (optional)
 * @param reason why
 * @param effectiveAt when
 */
public record IdentitySuspended(
        String identity,
        String employeeId,
        String reason,
        Instant effectiveAt) {
}
