package io.accessloop.broker.revocation.domain;

import java.time.Instant;

/**
 * One deny of the {@code accessloop-revocations} policy of a role: a grant (by its session tag), a person (their
 * sessions issued before {@code revokedAt}), or, after compaction, every session of the role issued before
 * {@code revokedAt}. It can be pruned once no session it matches can still be alive ({@code pruneAfter}).
 */
public record RevocationEntry(Kind kind, String subject, Instant revokedAt, Instant pruneAfter) {

    /** What the deny matches. */
    public enum Kind { GRANT, IDENTITY, ROLE }

    public boolean prunable(Instant now) {
        return !now.isBefore(pruneAfter);
    }
}
