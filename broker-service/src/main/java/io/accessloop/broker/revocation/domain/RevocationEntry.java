package io.accessloop.broker.revocation.domain;

import java.time.Instant;

/**
 * One deny of the {@code accessloop-revocations} policy of a role: a grant (by its session tag), a person (their
 * sessions issued before {@code revokedAt}), or, after compaction, every session of the role issued before
 * {@code revokedAt} ({@code ROLE}) except those of the grants still active at that moment ({@code LIVE_GRANT}
 * entries with the same {@code revokedAt}). It can be pruned once no session it matches can still be alive
 * ({@code pruneAfter}).
 */
public record RevocationEntry(Kind kind, String subject, Instant revokedAt, Instant pruneAfter) {

    /**
     * What the deny matches. {@code LIVE_GRANT} denies nothing: it names a grant that the role-wide deny written at
     * the same {@code revokedAt} leaves alone.
     */
    public enum Kind { GRANT, IDENTITY, ROLE, LIVE_GRANT }

    public boolean prunable(Instant now) {
        return !now.isBefore(pruneAfter);
    }
}
