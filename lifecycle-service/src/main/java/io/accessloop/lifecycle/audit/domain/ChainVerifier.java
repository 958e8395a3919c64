package io.accessloop.lifecycle.audit.domain;

import java.util.Optional;

/**
 * Walks the ledger in sequence order and reports the first broken link. Feed entries with {@link #accept}, then
 * {@link #finish} with the stored head; it is stateful so that arbitrarily long ledgers can be checked page by page.
 */
public final class ChainVerifier {

    private long expectedSeq = 1;
    private String previousHash = LedgerHasher.GENESIS;
    private long checked;

    /** Checks the next entry; an empty result means the chain still holds. */
    public Optional<ChainBreak> accept(LedgerEntry entry) {
        if (entry.seq() != expectedSeq) {
            return Optional.of(new ChainBreak(expectedSeq, ChainBreak.Reason.SEQUENCE_GAP,
                    "expected entry " + expectedSeq + " but found " + entry.seq()));
        }
        if (!entry.prevHash().equals(previousHash)) {
            return Optional.of(new ChainBreak(entry.seq(), ChainBreak.Reason.CHAIN_BROKEN,
                    "entry " + entry.seq() + " does not link to the entry before it"));
        }
        if (!entry.expectedHash().equals(entry.hash())) {
            return Optional.of(new ChainBreak(entry.seq(), ChainBreak.Reason.CONTENT_CHANGED,
                    "entry " + entry.seq() + " does not match its hash"));
        }
        checked++;
        expectedSeq++;
        previousHash = entry.hash();
        return Optional.empty();
    }

    /** After the last entry: the head must point at exactly the last entry seen. */
    public Optional<ChainBreak> finish(long headSeq, String headHash) {
        if (headSeq != expectedSeq - 1 || !headHash.equals(previousHash)) {
            return Optional.of(new ChainBreak(Math.min(headSeq, expectedSeq), ChainBreak.Reason.TAIL_REMOVED,
                    "the ledger head names entry " + headSeq + " but the chain ends at " + (expectedSeq - 1)));
        }
        return Optional.empty();
    }

    public long checked() {
        return checked;
    }

    public String lastHash() {
        return previousHash;
    }
}
