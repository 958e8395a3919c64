package io.accessloop.drift.rightsizing.domain;

/** A smaller policy set, or taking every permission away from a principal nobody uses. */
public enum ProposalKind {
    RIGHTSIZE,
    RETIRE
}
