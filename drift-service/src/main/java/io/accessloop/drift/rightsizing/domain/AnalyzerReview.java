package io.accessloop.drift.rightsizing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link PolicyChecker} over the changes of a plan: every document a proposal writes (a smaller inline
 * policy, or the inline copy that replaces a managed policy) is compared with the one it replaces and validated.
 * Deletions and detachments write nothing and need no check.
 */
public final class AnalyzerReview {

    private AnalyzerReview() {
    }

    /** Null when checks are off; {@link AnalyzerChecks.Status#UNAVAILABLE} when the checker cannot answer. */
    public static AnalyzerChecks review(PolicyChecker checker, PrincipalPermissions current, List<PolicyChange> changes,
                                        Instant now) {
        if (!checker.enabled()) {
            return null;
        }
        List<AnalyzerChecks.PolicyCheck> checks = new ArrayList<>();
        try {
            for (PolicyChange c : changes) {
                String existing = ProofChecker.replacedDocument(current, c);
                if (c.after() == null || existing == null) {
                    continue;
                }
                PolicyChecker.NoNewAccess nna = checker.checkNoNewAccess(c.after(), existing);
                checks.add(new AnalyzerChecks.PolicyCheck(c.policy(),
                        c.kind() == ChangeKind.ADD_INLINE ? c.replaces() : c.policy(), nna.result(), nna.reasons(),
                        checker.validate(c.after())));
            }
        } catch (PolicyChecker.CheckUnavailableException e) {
            return AnalyzerChecks.unavailable(e.getMessage(), now);
        }
        return AnalyzerChecks.of(checks, now);
    }
}
