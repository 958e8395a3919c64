package io.accessloop.contracts.identity;

import java.time.Instant;

/**
 * A person changed teams.
 * <p>CloudEvents type {@code io.accessloop.identity.transferred.v1}.
 *
 * @param identity person
 * @param employeeId HR id (optional)
 * @param team new team
 * @param previousTeam old team
 * @param effectiveAt when
 */
public record IdentityTransferred(
        String identity,
        String employeeId,
        String team,
        String previousTeam,
        Instant effectiveAt) {
}
