package io.accessloop.broker.request.domain;

import io.accessloop.broker.catalog.domain.RuleDecision;
import io.accessloop.broker.domain.RuleViolation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An access request and its state machine: {@code PENDING → APPROVED | DENIED | CANCELLED | EXPIRED}.
 * State changes only through the named commands; each returns what happened so the caller can emit its event.
 */
public final class AccessRequest {

    private final String id;
    private final String requester;
    private final String entitlement;
    private final String accountId;
    private final String roleArn;
    private final String reason;
    private final String ticket;
    private final long durationSeconds;
    private final boolean breakGlass;
    private final String extendsGrantId;
    private final RuleDecision rule;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final List<Approval> approvals;
    private RequestStatus status;
    private Instant decidedAt;
    private String decidedBy;
    private String decisionComment;
    private String grantId;

    /** Rebuilds a request from storage (or creates one through {@link #submit}). */
    public AccessRequest(String id, String requester, String entitlement, String accountId, String roleArn,
                         String reason, String ticket, long durationSeconds, boolean breakGlass, String extendsGrantId,
                         RuleDecision rule, Instant createdAt, Instant expiresAt, List<Approval> approvals,
                         RequestStatus status, Instant decidedAt, String decidedBy, String decisionComment,
                         String grantId) {
        this.id = id;
        this.requester = requester;
        this.entitlement = entitlement;
        this.accountId = accountId;
        this.roleArn = roleArn;
        this.reason = reason;
        this.ticket = ticket;
        this.durationSeconds = durationSeconds;
        this.breakGlass = breakGlass;
        this.extendsGrantId = extendsGrantId;
        this.rule = rule;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.approvals = new ArrayList<>(approvals);
        this.status = status;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.decisionComment = decisionComment;
        this.grantId = grantId;
    }

    /** A new pending request; an automatic rule or break-glass approves it at once. */
    public static AccessRequest submit(String id, RequestDraft draft, RuleDecision rule, String extendsGrantId,
                                       Instant now, Duration ttl) {
        List<String> violations = draft.violations();
        if (!violations.isEmpty()) {
            throw RuleViolation.refused("request-refused", String.join("; ", violations));
        }
        AccessRequest request = new AccessRequest(id, draft.requester(), draft.entitlement().name(),
                draft.entitlement().accountId(), draft.entitlement().roleArn(), draft.reason().strip(),
                blankToNull(draft.ticket()), draft.effectiveDuration().toSeconds(), draft.breakGlass(), extendsGrantId,
                rule, now, now.plus(ttl), List.of(), RequestStatus.PENDING, null, null, null, null);
        if (rule.automatic() || draft.breakGlass()) {
            request.status = RequestStatus.APPROVED;
            request.decidedAt = now;
        }
        return request;
    }

    /**
     * Records an approver's yes. Returns true when this approval completes the rule (the request is now
     * APPROVED); false when more approvals are needed.
     */
    public boolean approve(String approver, Set<String> approverGroups, String comment, Instant now) {
        requirePending("approve");
        requireDecider(approver, approverGroups, "approve");
        if (approvals.stream().anyMatch(a -> a.approver().equals(approver))) {
            throw RuleViolation.conflict("already-approved", approver + " already approved " + id);
        }
        approvals.add(new Approval(approver, blankToNull(comment), now));
        if (approvals.size() >= rule.requiredApprovals()) {
            status = RequestStatus.APPROVED;
            decidedAt = now;
            decidedBy = approver;
            decisionComment = blankToNull(comment);
            return true;
        }
        return false;
    }

    /** An approver's no ends the request. */
    public void deny(String approver, Set<String> approverGroups, String comment, Instant now) {
        requirePending("deny");
        requireDecider(approver, approverGroups, "deny");
        status = RequestStatus.DENIED;
        decidedAt = now;
        decidedBy = approver;
        decisionComment = blankToNull(comment);
    }

    /** The requester (or offboarding) withdraws a pending request. */
    public void cancel(String by, String why, Instant now) {
        requirePending("cancel");
        status = RequestStatus.CANCELLED;
        decidedAt = now;
        decidedBy = by;
        decisionComment = blankToNull(why);
    }

    /** Nobody decided in time. */
    public void expire(Instant now) {
        requirePending("expire");
        if (now.isBefore(expiresAt)) {
            throw RuleViolation.conflict("not-expired", id + " is pending until " + expiresAt);
        }
        status = RequestStatus.EXPIRED;
        decidedAt = now;
        decidedBy = "broker-service";
    }

    /** Links the grant an approval created (or extended). */
    public void grantedAs(String grant) {
        if (status != RequestStatus.APPROVED) {
            throw new IllegalStateException("only an approved request has a grant");
        }
        this.grantId = grant;
    }

    private void requirePending(String command) {
        if (status != RequestStatus.PENDING) {
            throw RuleViolation.conflict("request-not-pending", "cannot " + command + " " + id + ": it is " + status);
        }
    }

    private void requireDecider(String approver, Set<String> groups, String command) {
        if (approver.equals(requester)) {
            throw RuleViolation.forbidden("own-request", "nobody may " + command + " their own request");
        }
        if (rule.approverGroups().stream().noneMatch(groups::contains)) {
            throw RuleViolation.forbidden("not-an-approver", approver + " is not an approver of " + entitlement
                    + " (" + String.join(", ", rule.approverGroups()) + ")");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String id() { return id; }
    public String requester() { return requester; }
    public String entitlement() { return entitlement; }
    public String accountId() { return accountId; }
    public String roleArn() { return roleArn; }
    public String reason() { return reason; }
    public String ticket() { return ticket; }
    public long durationSeconds() { return durationSeconds; }
    public boolean breakGlass() { return breakGlass; }
    public String extendsGrantId() { return extendsGrantId; }
    public RuleDecision rule() { return rule; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public List<Approval> approvals() { return List.copyOf(approvals); }
    public RequestStatus status() { return status; }
    public Instant decidedAt() { return decidedAt; }
    public String decidedBy() { return decidedBy; }
    public String decisionComment() { return decisionComment; }
    public String grantId() { return grantId; }
}
