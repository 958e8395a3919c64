package io.accessloop.contracts.command;

/**
 * Command: revoke one grant now.
 * <p>CloudEvents type {@code io.accessloop.command.grant.revoke.v1}.
 *
 * @param grantId grt_ id
 * @param reason why (expired, offboarding, transfer, manual)
 * @param requestedBy person or service
 */
public record RevokeGrant(String grantId, String reason, String requestedBy) {
}
