package io.accessloop.contracts.access;

/**
 * A pending request was not decided in time.
 * <p>CloudEvents type {@code io.accessloop.access.request.expired.v1}.
 *
 * @param requestId req_ id
 * @param requester requester
 * @param entitlement catalog name
 */
public record RequestExpired(String requestId, String requester, String entitlement) {
}
