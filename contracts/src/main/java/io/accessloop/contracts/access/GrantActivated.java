package io.accessloop.contracts.access;

import java.time.Instant;

/**
 * A grant became active; credentials can be issued until endsAt.
 * <p>CloudEvents type {@code io.accessloop.access.grant.activated.v1}.
 *
 * @param grantId grt_ id
 * @param requestId req_ id
 * @param identity grant owner
 * @param entitlement catalog name
 * @param accountId AWS account
 * @param roleArn role
 * @param startsAt start
 * @param endsAt end
 * @param breakGlass emergency grant
 */
public record GrantActivated(
        String grantId,
        String requestId,
        String identity,
        String entitlement,
        String accountId,
        String roleArn,
        Instant startsAt,
        Instant endsAt,
        boolean breakGlass) {
}
