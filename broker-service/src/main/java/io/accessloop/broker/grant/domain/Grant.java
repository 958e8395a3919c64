package io.accessloop.broker.grant.domain;

import io.accessloop.broker.domain.RuleViolation;

import java.time.Duration;
import java.time.Instant;

/**
 * A lease on a role: its clock starts at activation and it ends by release, expiry or revocation. Two grants of the
 * same person and role are independent. A break-glass grant carries a review that stays open until an approver
 * other than its owner closes it.
 */
public final class Grant {

    private final String id;
    private final String requestId;
    private final String identity;
    private final String entitlement;
    private final String accountId;
    private final String roleArn;
    private final String sessionPolicy;
    private final Instant startsAt;
    private final boolean breakGlass;
    private Instant endsAt;
    private GrantStatus status;
    private Instant endedAt;
    private String endedBy;
    private String endReason;
    private Boolean revocationVerified;
    private Instant reviewedAt;
    private String reviewedBy;
    private String reviewComment;

    public Grant(String id, String requestId, String identity, String entitlement, String accountId, String roleArn,
                 String sessionPolicy, Instant startsAt, Instant endsAt, boolean breakGlass, GrantStatus status,
                 Instant endedAt, String endedBy, String endReason, Boolean revocationVerified, Instant reviewedAt,
                 String reviewedBy, String reviewComment) {
        this.id = id;
        this.requestId = requestId;
        this.identity = identity;
        this.entitlement = entitlement;
        this.accountId = accountId;
        this.roleArn = roleArn;
        this.sessionPolicy = sessionPolicy;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.breakGlass = breakGlass;
        this.status = status;
        this.endedAt = endedAt;
        this.endedBy = endedBy;
        this.endReason = endReason;
        this.revocationVerified = revocationVerified;
        this.reviewedAt = reviewedAt;
        this.reviewedBy = reviewedBy;
        this.reviewComment = reviewComment;
    }

    /** A new active grant whose clock starts now. */
    public static Grant activate(String id, String requestId, String identity, String entitlement, String accountId,
                                 String roleArn, String sessionPolicy, Duration length, boolean breakGlass,
                                 Instant now) {
        return new Grant(id, requestId, identity, entitlement, accountId, roleArn, sessionPolicy, now,
                now.plus(length), breakGlass, GrantStatus.ACTIVE, null, null, null, null, null, null, null);
    }

    /** Time left before the grant ends (zero once it has ended). */
    public Duration remaining(Instant now) {
        if (status != GrantStatus.ACTIVE || !now.isBefore(endsAt)) {
            return Duration.ZERO;
        }
        return Duration.between(now, endsAt);
    }

    /** Whether credentials may be issued at this instant. */
    public boolean isUsable(Instant now) {
        return status == GrantStatus.ACTIVE && now.isBefore(endsAt);
    }

    /** The owner hands the grant back early. */
    public void release(String by, Instant now) {
        end(GrantStatus.RELEASED, by, "released by its owner", now);
    }

    /** An approver, security or a lifecycle command ends the grant. */
    public void revoke(String by, String reason, Instant now) {
        end(GrantStatus.REVOKED, by, reason, now);
    }

    /** The grant reached its end (lifecycle-service drives expiry). */
    public void expire(String by, Instant now) {
        end(GrantStatus.EXPIRED, by, "expired", now);
    }

    /** Records whether a probe session carrying this grant's tag was denied after the end. */
    public void verified(boolean denied) {
        this.revocationVerified = denied;
    }

    /** Moves the end; the grant stays ACTIVE. Returns the previous end. */
    public Instant extendTo(Instant newEnd, Instant now) {
        requireActive("extend", now);
        if (!newEnd.isAfter(endsAt)) {
            throw RuleViolation.refused("extension-not-later", "the new end " + newEnd + " is not after " + endsAt);
        }
        Instant previous = endsAt;
        endsAt = newEnd;
        return previous;
    }

    /** Closes the after-the-fact review of a break-glass grant. */
    public void review(String reviewer, String comment, Instant now) {
        if (!breakGlass) {
            throw RuleViolation.conflict("no-review", id + " is not a break-glass grant and needs no review");
        }
        if (reviewedAt != null) {
            throw RuleViolation.conflict("already-reviewed", id + " was reviewed by " + reviewedBy);
        }
        if (reviewer.equals(identity)) {
            throw RuleViolation.forbidden("own-grant", "nobody reviews their own break-glass access");
        }
        reviewedAt = now;
        reviewedBy = reviewer;
        reviewComment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    public boolean reviewPending() {
        return breakGlass && reviewedAt == null;
    }

    private void end(GrantStatus to, String by, String reason, Instant now) {
        if (status != GrantStatus.ACTIVE) {
            throw RuleViolation.conflict("grant-not-active", "cannot end " + id + ": it is " + status);
        }
        status = to;
        endedAt = now;
        endedBy = by;
        endReason = reason;
    }

    private void requireActive(String command, Instant now) {
        if (!isUsable(now)) {
            throw RuleViolation.conflict("grant-not-active", "cannot " + command + " " + id + ": it is "
                    + (status == GrantStatus.ACTIVE ? "past its end" : status));
        }
    }

    public String id() { return id; }
    public String requestId() { return requestId; }
    public String identity() { return identity; }
    public String entitlement() { return entitlement; }
    public String accountId() { return accountId; }
    public String roleArn() { return roleArn; }
    public String sessionPolicy() { return sessionPolicy; }
    public Instant startsAt() { return startsAt; }
    public Instant endsAt() { return endsAt; }
    public boolean breakGlass() { return breakGlass; }
    public GrantStatus status() { return status; }
    public Instant endedAt() { return endedAt; }
    public String endedBy() { return endedBy; }
    public String endReason() { return endReason; }
    public Boolean revocationVerified() { return revocationVerified; }
    public Instant reviewedAt() { return reviewedAt; }
    public String reviewedBy() { return reviewedBy; }
    public String reviewComment() { return reviewComment; }
}
