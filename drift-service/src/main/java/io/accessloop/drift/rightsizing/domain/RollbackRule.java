package io.accessloop.drift.rightsizing.domain;

/** During the watch period, this many AccessDenied calls of the principal since apply roll the proposal back. */
public record RollbackRule(long threshold) {

    public RollbackRule {
        if (threshold < 1) {
            throw new IllegalArgumentException("the AccessDenied threshold must be at least 1");
        }
    }

    public boolean triggers(long deniedSinceApply) {
        return deniedSinceApply >= threshold;
    }
}
