package io.accessloop.contracts.access;

import java.time.Instant;

/**
 * A grant was revoked and the deny is in place.
 * <p>CloudEvents type {@code io.accessloop.access.grant.revoked.v1}.
 *
 * @param grantId grt_ id
 * @param identity grant owner
 * @param entitlement catalog name
 * @param roleArn role
 * @param revokedBy person or service that revoked
 * @param reason why
 * @param revokedAt when
 * @param verified a probe session was denied
 */
public record GrantRevoked(
        String grantId,
        String identity,
        String entitlement,
        String roleArn,
        String revokedBy,
        String reason,
        Instant revokedAt,
        boolean verified) {
}
