package io.accessloop.drift.rightsizing.domain;

/** A command that the proposal's current state does not allow. */
public class ProposalStateException extends RuntimeException {

    public ProposalStateException(String message) {
        super(message);
    }
}
