package io.accessloop.broker.request.rest;

import io.accessloop.broker.request.domain.AccessRequest;

import java.time.Instant;
import java.util.List;

/** A request as the API returns it. */
public record RequestView(String id, String requester, String entitlement, String accountId, String roleArn,
                          String reason, String ticket, long durationSeconds, boolean breakGlass,
                          String extendsGrantId, String status, Rule rule, List<ApprovalView> approvals,
                          Instant createdAt, Instant expiresAt, Instant decidedAt, String decidedBy,
                          String decisionComment, String grantId) {

    /** The rule that decided (or decides) the request. */
    public record Rule(boolean automatic, int requiredApprovals, List<String> approverGroups, String explanation) {
    }

    /** One approval. */
    public record ApprovalView(String approver, String comment, Instant at) {
    }

    public static RequestView of(AccessRequest r) {
        return new RequestView(r.id(), r.requester(), r.entitlement(), r.accountId(), r.roleArn(), r.reason(),
                r.ticket(), r.durationSeconds(), r.breakGlass(), r.extendsGrantId(), r.status().name(),
                new Rule(r.rule().automatic(), r.rule().requiredApprovals(), r.rule().approverGroups(),
                        r.rule().explanation()),
                r.approvals().stream().map(a -> new ApprovalView(a.approver(), a.comment(), a.at())).toList(),
                r.createdAt(), r.expiresAt(), r.decidedAt(), r.decidedBy(), r.decisionComment(), r.grantId());
    }
}
