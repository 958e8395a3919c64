package io.accessloop.contracts.identity;

import java.time.Instant;

/**
 * A suspended person is back; eligibility is restored.
 * <p>CloudEvents type {@code io.accessloop.identity.restored.v1}.
 *
 * @param identity person
 * @param employeeId HR id (optional)
 * @param effectiveAt when
 */
public record IdentityRestored(String identity, String employeeId, Instant effectiveAt) {
}
