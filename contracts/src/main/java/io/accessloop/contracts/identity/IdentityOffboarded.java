package io.accessloop.contracts.identity;

import java.time.Instant;

/**
 * A person left; all access is gone and verified.
 * <p>CloudEvents type {@code io.accessloop.identity.offboarded.v1}.
 *
 * @param caseId case_ id
 * @param identity person
 * @param employeeId HR id (optional)
 * @param effectiveAt when access ended
 */
public record IdentityOffboarded(
        String caseId,
        String identity,
        String employeeId,
        Instant effectiveAt) {
}
