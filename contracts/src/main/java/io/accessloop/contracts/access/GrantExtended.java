package io.accessloop.contracts.access;

import java.time.Instant;

/**
 * A grant got a new end.
 * <p>CloudEvents type {@code io.accessloop.access.grant.extended.v1}.
 *
 * @param grantId grt_ id
 * @param identity grant owner
 * @param previousEndsAt old end
 * @param endsAt new end
 * @param extendedBy who extended
 */
public record GrantExtended(
        String grantId,
        String identity,
        Instant previousEndsAt,
        Instant endsAt,
        String extendedBy) {
}
