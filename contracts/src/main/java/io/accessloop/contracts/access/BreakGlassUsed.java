package io.accessloop.contracts.access;

import java.util.List;

/**
 * Emergency access was taken without prior approval.
 * <p>CloudEvents type {@code io.accessloop.access.breakglass.used.v1}.
 *
 * @param grantId grt_ id
 * @param requestId req_ id
 * @param identity who
 * @param entitlement catalog name
 * @param reason why
 * @param approversAlerted approvers who must review
 */
public record BreakGlassUsed(
        String grantId,
        String requestId,
        String identity,
        String entitlement,
        String reason,
        List<String> approversAlerted) {
    public BreakGlassUsed {
        approversAlerted = approversAlerted == null ? List.of() : List.copyOf(approversAlerted);
    }
}
