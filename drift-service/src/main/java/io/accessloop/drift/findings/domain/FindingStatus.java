package io.accessloop.drift.findings.domain;

/** {@code OPEN → RESOLVED | SUPPRESSED}; a suppression that expires goes back to {@code OPEN}. */
public enum FindingStatus {
    OPEN, SUPPRESSED, RESOLVED;

    /** Whether the condition is still tracked (a new occurrence deduplicates onto it). */
    public boolean live() {
        return this != RESOLVED;
    }
}
