package io.accessloop.contracts.access;

import java.time.Instant;

/**
 * The owner handed the grant back early.
 * <p>CloudEvents type {@code io.accessloop.access.grant.released.v1}.
 *
 * @param grantId grt_ id
 * @param identity grant owner
 * @param entitlement catalog name
 * @param roleArn role
 * @param releasedAt when
 */
public record GrantReleased(
        String grantId,
        String identity,
        String entitlement,
        String roleArn,
        Instant releasedAt) {
}
