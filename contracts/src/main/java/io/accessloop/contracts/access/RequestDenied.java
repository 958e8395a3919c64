package io.accessloop.contracts.access;

/**
 * An approver refused the request.
 * <p>CloudEvents type {@code io.accessloop.access.request.denied.v1}.
 *
 * @param requestId req_ id
 * @param requester requester
 * @param entitlement catalog name
 * @param decidedBy approver
 * @param comment approver comment (optional)
 */
public record RequestDenied(
        String requestId,
        String requester,
        String entitlement,
        String decidedBy,
        String comment) {
}
