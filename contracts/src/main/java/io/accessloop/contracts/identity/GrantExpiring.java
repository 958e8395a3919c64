package io.accessloop.contracts.identity;

import java.time.Instant;

/**
 * A grant ends soon; a reminder to its owner.
 * <p>CloudEvents type {@code io.accessloop.identity.grant.expiring.v1}.
 *
 * @param grantId grt_ id
 * @param identity grant owner (lower-cased e-mail)
 * @param entitlement catalog name
 * @param roleArn role
 * @param endsAt when the grant ends
 * @param leadSeconds how long before the end this reminder was due
 * @param remindedAt when the reminder was sent
 */
public record GrantExpiring(
        String grantId,
        String identity,
        String entitlement,
        String roleArn,
        Instant endsAt,
        long leadSeconds,
        Instant remindedAt) {
}
