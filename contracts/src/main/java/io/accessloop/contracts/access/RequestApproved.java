package io.accessloop.contracts.access;

import java.util.List;

/**
 * The approval rule is satisfied; a grant was created.
 * <p>CloudEvents type {@code io.accessloop.access.request.approved.v1}.
 *
 * @param requestId req_ id
 * @param requester requester
 * @param entitlement catalog name
 * @param approvers who approved (empty for automatic rules)
 * @param automatic approved by rule, not by a person
 * @param grantId grt_ id of the new grant
 */
public record RequestApproved(
        String requestId,
        String requester,
        String entitlement,
        List<String> approvers,
        boolean automatic,
        String grantId) {
    public RequestApproved {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }
}
