package io.accessloop.contracts.access;

/**
 * An employee asked for an entitlement.
 * <p>CloudEvents type {@code io.accessloop.access.request.submitted.v1}.
 *
 * @param requestId req_ id
 * @param requester lower-cased e-mail of the requester
 * @param entitlement catalog name
 * @param accountId 12-digit AWS account
 * @param roleArn role the grant assumes
 * @param reason business reason as typed
 * @param requestedDurationSeconds wanted grant length
 * @param ticket ticket reference when the entitlement asks for one (optional)
 * @param breakGlass self-service emergency access
 */
public record RequestSubmitted(
        String requestId,
        String requester,
        String entitlement,
        String accountId,
        String roleArn,
        String reason,
        long requestedDurationSeconds,
        String ticket,
        boolean breakGlass) {
}
