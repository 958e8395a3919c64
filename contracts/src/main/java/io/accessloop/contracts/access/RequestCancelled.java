package io.accessloop.contracts.access;

/**
 * The requester (or offboarding) withdrew a pending request.
 * <p>CloudEvents type {@code io.accessloop.access.request.cancelled.v1}.
 *
 * @param requestId req_ id
 * @param requester requester
 * @param entitlement catalog name
 * @param cancelledBy who cancelled
 * @param reason why (optional)
 */
public record RequestCancelled(
        String requestId,
        String requester,
        String entitlement,
        String cancelledBy,
        String reason) {
}
