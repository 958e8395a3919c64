package io.accessloop.lifecycle.audit.rest;

import io.accessloop.lifecycle.audit.service.LedgerVerification;

/**
 * Answer of {@code GET /api/v1/audit/verify}: {@code valid}, how many entries were checked, the head, and for a
 * broken chain the first broken entry ({@code brokenAt}), a stable {@code reason} and a sentence.
 */
public record VerificationView(boolean valid, long checked, long headSeq, String headHash, Long brokenAt,
                               String reason, String detail) {

    static VerificationView of(LedgerVerification.Result r) {
        if (r.firstBreak() == null) {
            return new VerificationView(true, r.checked(), r.headSeq(), r.headHash(), null, null, null);
        }
        return new VerificationView(false, r.checked(), r.headSeq(), r.headHash(), r.firstBreak().seq(),
                r.firstBreak().reason().name(), r.firstBreak().detail());
    }
}
