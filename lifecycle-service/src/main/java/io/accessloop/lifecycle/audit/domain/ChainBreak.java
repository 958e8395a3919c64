package io.accessloop.lifecycle.audit.domain;

/** The first place where the ledger no longer proves itself. */
public record ChainBreak(long seq, Reason reason, String detail) {

    public enum Reason {
        /** An entry is missing or two entries were reordered. */
        SEQUENCE_GAP,
        /** An entry's previous-hash does not match the entry before it (removed or reordered entries). */
        CHAIN_BROKEN,
        /** An entry's fields no longer produce its hash (edited entry). */
        CONTENT_CHANGED,
        /** The newest entries were removed. */
        TAIL_REMOVED
    }
}
