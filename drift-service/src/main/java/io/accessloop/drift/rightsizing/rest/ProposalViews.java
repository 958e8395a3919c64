package io.accessloop.drift.rightsizing.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.accessloop.drift.rightsizing.domain.AnalyzerChecks;
import io.accessloop.drift.rightsizing.domain.Evidence;
import io.accessloop.drift.rightsizing.domain.Plan;
import io.accessloop.drift.rightsizing.domain.PolicyChange;
import io.accessloop.drift.rightsizing.domain.Proof;
import io.accessloop.drift.rightsizing.domain.Proposal;

import java.time.Instant;
import java.util.List;

/** JSON shapes of the proposal API. */
public final class ProposalViews {

    private ProposalViews() {
    }

    /** One list item; {@code analyzerChecks} is PASSED, FAILED, UNAVAILABLE or null (not run). */
    public record Summary(String id, String accountId, String principalArn, String kind, String status, String mode,
                          String confidence, String summary, int removedPermissions, boolean proven, Instant createdAt,
                          Instant appliedAt, Instant watchUntil, Instant closedAt, String analyzerChecks) {

        static Summary of(Proposal p) {
            return new Summary(p.id(), p.accountId(), p.principalArn(), p.kind().name(), p.status().name(),
                    p.mode().name(), p.confidence().wire(), p.summary(), p.removedPermissions(), p.proven(),
                    p.createdAt(), p.appliedAt(), p.watchUntil(), p.closedAt(),
                    p.analyzerChecks() == null ? null : p.analyzerChecks().status().name());
        }
    }

    /** One IAM write: before and after as policy documents. */
    public record Change(String kind, String policy, @JsonRawValue String before, @JsonRawValue String after,
                         String replaces) {

        static Change of(PolicyChange c) {
            return new Change(c.kind().name(), c.policy(), c.before(), c.after(), c.replaces());
        }
    }

    /** The proof with its verdict. */
    public record ProofView(boolean passed, boolean subsetOfCurrent, long replayedCalls, List<String> replayFailures,
                            boolean fitsQuota, Instant checkedAt) {

        static ProofView of(Proof p) {
            return p == null ? null : new ProofView(p.passed(), p.subsetOfCurrent(), p.replayedCalls(),
                    p.replayFailures(), p.fitsQuota(), p.checkedAt());
        }
    }

    /** A proposal with its diff, evidence, proof and IAM Access Analyzer's checks (null when not run). */
    public record Detail(String id, String accountId, String principalArn, String kind, String status, String mode,
                         String confidence, String summary, int removedPermissions, boolean proven,
                         List<Change> changes, Evidence evidence, ProofView proof, Instant createdAt,
                         String decidedBy, Instant decidedAt, String appliedBy, Instant appliedAt, Instant watchUntil,
                         Instant closedAt, String closedBy, String closeReason, AnalyzerChecks analyzerChecks) {

        static Detail of(Proposal p) {
            return new Detail(p.id(), p.accountId(), p.principalArn(), p.kind().name(), p.status().name(),
                    p.mode().name(), p.confidence().wire(), p.summary(), p.removedPermissions(), p.proven(),
                    p.changes().stream().map(Change::of).toList(), p.evidence(), ProofView.of(p.proof()),
                    p.createdAt(), p.decidedBy(), p.decidedAt(), p.appliedBy(), p.appliedAt(), p.watchUntil(),
                    p.closedAt(), p.closedBy(), p.closeReason(), p.analyzerChecks());
        }
    }

    /** The answer to a compute request: the proposal, or why there is none (with the evidence looked at). */
    public record Computed(Detail proposal, String nothingToPropose, Evidence evidence) {

        static Computed of(Plan plan, Proposal proposal) {
            return new Computed(proposal == null ? null : Detail.of(proposal), plan.nothingToPropose(), plan.evidence());
        }
    }

    /** Body of compute: the principal and an optional window in days (default from settings). */
    public record ComputeRequest(String principalArn, Integer windowDays) {
    }

    /** Body of reject and rollback. */
    public record Reason(String reason) {
    }

    /** One page. */
    public record Page<T>(List<T> items, String nextCursor) {
    }
}
