package io.accessloop.contracts.access;

import java.time.Instant;

/**
 * A grant reached its end and its sessions are denied.
 * <p>CloudEvents type {@code io.accessloop.access.grant.expired.v1}.
 *
 * @param grantId grt_ id
 * @param identity grant owner
 * @param entitlement catalog name
 * @param roleArn role
 * @param expiredAt when
 */
public record GrantExpired(
        String grantId,
        String identity,
        String entitlement,
        String roleArn,
        Instant expiredAt) {
}
