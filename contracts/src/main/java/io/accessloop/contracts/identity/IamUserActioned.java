package io.accessloop.contracts.identity;

import java.time.Instant;

/**
 * Lifecycle changed an IAM user: an inactive-user or key sweep, or an offboarding clean-up step.
 * <p>CloudEvents type {@code io.accessloop.identity.iamuser.actioned.v1}.
 *
 * @param accountId AWS account
 * @param userArn IAM user
 * @param action what was done: key-notice, key-deactivated, user-disabled, user-deleted, login-profile-deleted, ...
 * @param accessKeyId the access key acted on; empty when the action concerns the user itself
 * @param reason why, in words
 * @param actedAt when
 */
public record IamUserActioned(
        String accountId,
        String userArn,
        String action,
        String accessKeyId,
        String reason,
        Instant actedAt) {
}
