package io.accessloop.contracts.access;

import java.time.Instant;

/**
 * Short-lived credentials were handed to the grant owner (never the secret).
 * <p>CloudEvents type {@code io.accessloop.access.credentials.issued.v1}.
 *
 * @param grantId grt_ id
 * @param identity grant owner
 * @param roleArn role
 * @param accessKeyId temporary access key id (public, as in CloudTrail)
 * @param sessionName RoleSessionName
 * @param expiresAt credential expiry
 * @param channel cli or console
 */
public record CredentialsIssued(
        String grantId,
        String identity,
        String roleArn,
        String accessKeyId,
        String sessionName,
        Instant expiresAt,
        String channel) {
}
