package io.accessloop.contracts.drift;

/**
 * A least-privilege proposal is ready for review.
 * <p>CloudEvents type {@code io.accessloop.drift.rightsizing.proposed.v1}.
 *
 * @param proposalId prp_ id
 * @param accountId AWS account
 * @param principalArn role or user
 * @param removedPermissions how many permissions it removes
 * @param confidence low, medium or high
 * @param summary one line for humans
 */
public record RightsizingProposed(
        String proposalId,
        String accountId,
        String principalArn,
        long removedPermissions,
        String confidence,
        String summary) {
}
