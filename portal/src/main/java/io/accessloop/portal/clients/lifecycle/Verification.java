package io.accessloop.portal.clients.lifecycle;

/** Result of recomputing the ledger's hash chain; for a broken chain, where and why. */
public record Verification(boolean valid, long checked, long headSeq, String headHash, Long brokenAt,
                           String reason, String detail) {
}
