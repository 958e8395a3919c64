package io.accessloop.contracts.command;

import java.util.List;

/**
 * Command: revoke many grants at once for the same reason (an expiry storm, a team transfer). The broker denies them
 * with one policy write per role instead of one per grant.
 * <p>CloudEvents type {@code io.accessloop.command.grants.revoke.v1}.
 *
 * @param grantIds grt_ ids, 1 to 1,000, no duplicates
 * @param reason why (expired, offboarding, transfer, manual)
 * @param requestedBy person or service
 */
public record RevokeGrants(List<String> grantIds, String reason, String requestedBy) {

    public static final int MAX_GRANTS = 1_000;

    public RevokeGrants {
        grantIds = List.copyOf(grantIds);
    }
}
