package io.accessloop.drift.rightsizing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A right-sizing proposal for one principal and its state machine. It changes only through named commands;
 * each returns the new proposal (instances are immutable).
 *
 * @param baseline       the permissions the proposal was computed from; applying restores them on rollback
 * @param analyzerChecks IAM Access Analyzer's checks of the proposed documents (null when not run); a failed
 *                       check blocks apply like a failed proof
 */
public record Proposal(String id, String accountId, String principalArn, ProposalKind kind, ProposalStatus status,
                       Mode mode, Confidence confidence, String summary, int removedPermissions,
                       PrincipalPermissions baseline, List<PolicyChange> changes, Evidence evidence, Proof proof,
                       Instant createdAt, String decidedBy, Instant decidedAt, String appliedBy, Instant appliedAt,
                       Instant watchUntil, Instant closedAt, String closedBy, String closeReason,
                       AnalyzerChecks analyzerChecks) {

    /** A proposal without Access Analyzer checks. */
    public Proposal(String id, String accountId, String principalArn, ProposalKind kind, ProposalStatus status,
                    Mode mode, Confidence confidence, String summary, int removedPermissions,
                    PrincipalPermissions baseline, List<PolicyChange> changes, Evidence evidence, Proof proof,
                    Instant createdAt, String decidedBy, Instant decidedAt, String appliedBy, Instant appliedAt,
                    Instant watchUntil, Instant closedAt, String closedBy, String closeReason) {
        this(id, accountId, principalArn, kind, status, mode, confidence, summary, removedPermissions, baseline,
                changes, evidence, proof, createdAt, decidedBy, decidedAt, appliedBy, appliedAt, watchUntil, closedAt,
                closedBy, closeReason, null);
    }

    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        changes = List.copyOf(changes);
    }

    /** A new proposal from a plan with changes. */
    public static Proposal propose(String id, PrincipalPermissions baseline, Plan plan, Mode mode, Instant now) {
        return propose(id, baseline, plan, mode, now, null);
    }

    /** A new proposal from a plan with changes, with Access Analyzer's checks of it. */
    public static Proposal propose(String id, PrincipalPermissions baseline, Plan plan, Mode mode, Instant now,
                                   AnalyzerChecks checks) {
        if (!plan.hasChanges()) {
            throw new IllegalArgumentException("a plan without changes is not a proposal");
        }
        return new Proposal(id, baseline.accountId(), baseline.arn(), plan.kind(), ProposalStatus.PROPOSED, mode,
                plan.confidence(), plan.summary(), plan.removedPermissions(), baseline, plan.changes(),
                plan.evidence(), plan.proof(), now, null, null, null, null, null, null, null, null, checks);
    }

    public boolean proven() {
        return proof != null && proof.passed();
    }

    /** Proven, and not refused by Access Analyzer's checks: what apply requires. */
    public boolean applicable() {
        return proven() && (analyzerChecks == null || !analyzerChecks.blocksApply());
    }

    public Proposal approve(String by, Instant at) {
        require(ProposalStatus.PROPOSED, "approve");
        if (mode == Mode.RECOMMEND) {
            throw new ProposalRefusedException("recommend-only",
                    "this principal's mode is recommend: proposals are shown, not applied");
        }
        return with(ProposalStatus.APPROVED, by, at, appliedBy, appliedAt, watchUntil, closedAt, closedBy, closeReason);
    }

    public Proposal reject(String by, Instant at, String reason) {
        if (!status.open()) {
            throw new ProposalStateException("only a proposed or approved proposal can be rejected; this one is "
                    + status);
        }
        return with(ProposalStatus.REJECTED, by, at, appliedBy, appliedAt, watchUntil, at, by, reason);
    }

    /** Applies an approved, proven proposal; the watch period starts. */
    public Proposal apply(String by, Instant at, Duration watch) {
        require(ProposalStatus.APPROVED, "apply");
        if (!proven()) {
            throw new ProposalRefusedException("proof-failed", "the proof does not hold: " + proofProblem());
        }
        if (analyzerChecks != null && analyzerChecks.blocksApply()) {
            throw new ProposalRefusedException("analyzer-check-failed", "IAM Access Analyzer's checks fail: "
                    + analyzerChecks.failureSummary());
        }
        return with(ProposalStatus.APPLIED, decidedBy, decidedAt, by, at, at.plus(watch), closedAt, closedBy,
                closeReason);
    }

    /** The watch period ended without a rollback. */
    public Proposal confirm(Instant at) {
        require(ProposalStatus.APPLIED, "confirm");
        return with(ProposalStatus.CONFIRMED, decidedBy, decidedAt, appliedBy, appliedAt, watchUntil, at, "watch",
                "no AccessDenied spike during the watch period");
    }

    public Proposal rollBack(String by, Instant at, String reason) {
        if (status != ProposalStatus.APPLIED && status != ProposalStatus.CONFIRMED) {
            throw new ProposalStateException("only an applied proposal can be rolled back; this one is " + status);
        }
        return with(ProposalStatus.ROLLED_BACK, decidedBy, decidedAt, appliedBy, appliedAt, watchUntil, at, by, reason);
    }

    /** A newer proposal, or a change to the principal, replaced this one before it was applied. */
    public Proposal supersede(Instant at, String reason) {
        if (!status.open()) {
            throw new ProposalStateException("only an open proposal can be superseded; this one is " + status);
        }
        return with(ProposalStatus.SUPERSEDED, decidedBy, decidedAt, appliedBy, appliedAt, watchUntil, at, "accessloop",
                reason);
    }

    public boolean watching(Instant now) {
        return status == ProposalStatus.APPLIED && watchUntil != null && now.isBefore(watchUntil);
    }

    private String proofProblem() {
        if (proof == null) {
            return "no proof";
        }
        if (!proof.subsetOfCurrent()) {
            return "it grants something the current policies do not";
        }
        if (!proof.replayFailures().isEmpty()) {
            return String.join("; ", proof.replayFailures());
        }
        return "it does not fit the inline policy quota";
    }

    private void require(ProposalStatus expected, String command) {
        if (status != expected) {
            throw new ProposalStateException("cannot " + command + " a proposal that is " + status + " (needs "
                    + expected + ")");
        }
    }

    private Proposal with(ProposalStatus next, String decidedBy, Instant decidedAt, String appliedBy, Instant appliedAt,
                          Instant watchUntil, Instant closedAt, String closedBy, String closeReason) {
        return new Proposal(id, accountId, principalArn, kind, next, mode, confidence, summary, removedPermissions,
                baseline, changes, evidence, proof, createdAt, decidedBy, decidedAt, appliedBy, appliedAt, watchUntil,
                closedAt, closedBy, closeReason, analyzerChecks);
    }
}
