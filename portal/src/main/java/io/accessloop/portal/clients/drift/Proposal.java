package io.accessloop.portal.clients.drift;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A right-sizing proposal with its policy changes (before and after documents), evidence and proof. */
public record Proposal(String id, String accountId, String principalArn, String kind, String status, String mode,
                       String confidence, String summary, int removedPermissions, boolean proven,
                       List<Change> changes, Evidence evidence, Proof proof, Instant createdAt, String decidedBy,
                       Instant decidedAt, String appliedBy, Instant appliedAt, Instant watchUntil, Instant closedAt,
                       String closedBy, String closeReason, AnalyzerChecks analyzerChecks) {

    /** One IAM write; {@code before} or {@code after} is null when the policy is created or deleted. */
    public record Change(String kind, String policy, JsonNode before, JsonNode after, String replaces) {
    }

    /** Why the proposal looks the way it does: the usage window, its sources and each removed permission. */
    public record Evidence(Instant windowStart, Instant windowEnd, int windowDays, List<String> sources,
                           long observedCalls, Instant coveredFrom, List<Removal> removals,
                           Map<String, String> exemptions, List<String> notes) {
    }

    /** One removed permission and the last use the sources saw of it (null: none in their history). */
    public record Removal(String policy, String action, List<String> resources, Set<String> keptActions,
                          List<String> sources, String granularity, Instant lastUsed) {
    }

    /** The proof that the proposed policies are a subset of today's and still allow every observed call. */
    public record Proof(boolean passed, boolean subsetOfCurrent, long replayedCalls, List<String> replayFailures,
                        boolean fitsQuota, Instant checkedAt) {
    }

    /** AWS's own proof beside Accessloop's: CheckNoNewAccess and ValidatePolicy on every document the proposal writes. */
    public record AnalyzerChecks(String status, List<PolicyCheck> policies, String detail, Instant checkedAt) {

        public boolean failed() {
            return "FAILED".equals(status);
        }
    }

    /** The checks of one new document against what it replaces. */
    public record PolicyCheck(String policy, String comparedTo, String noNewAccess, List<String> reasons,
                              List<ValidationFinding> validation) {
    }

    /** One ValidatePolicy finding: ERROR, SECURITY_WARNING, WARNING or SUGGESTION. */
    public record ValidationFinding(String findingType, String issueCode, String detail) {
    }

    public boolean proposed() {
        return "PROPOSED".equals(status);
    }

    public boolean approved() {
        return "APPROVED".equals(status);
    }

    /** Applied (still watched) or confirmed: the replaced permissions can be restored. */
    public boolean rollbackable() {
        return "APPLIED".equals(status) || "CONFIRMED".equals(status);
    }
}
