package io.accessloop.portal.clients.broker;

import java.time.Instant;
import java.util.List;

/** An access request as the broker returns it. */
public record AccessRequest(String id, String requester, String entitlement, String accountId, String roleArn,
                            String reason, String ticket, long durationSeconds, boolean breakGlass,
                            String extendsGrantId, String status, Rule rule, List<ApprovalEntry> approvals,
                            Instant createdAt, Instant expiresAt, Instant decidedAt, String decidedBy,
                            String decisionComment, String grantId) {

    /** The rule that decides the request. */
    public record Rule(boolean automatic, int requiredApprovals, List<String> approverGroups, String explanation) {
    }

    /** One approval given so far. */
    public record ApprovalEntry(String approver, String comment, Instant at) {
    }

    public long durationMinutes() {
        return durationSeconds / 60;
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
