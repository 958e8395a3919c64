package io.accessloop.drift.rightsizing.domain;

/** PROPOSED → APPROVED → APPLIED → CONFIRMED | ROLLED_BACK, or REJECTED | SUPERSEDED. */
public enum ProposalStatus {
    PROPOSED,
    APPROVED,
    APPLIED,
    CONFIRMED,
    ROLLED_BACK,
    REJECTED,
    SUPERSEDED;

    /** Still waiting for a decision or for apply: a newer proposal for the same principal supersedes it. */
    public boolean open() {
        return this == PROPOSED || this == APPROVED;
    }
}
