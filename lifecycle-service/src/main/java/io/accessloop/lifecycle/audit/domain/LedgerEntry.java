package io.accessloop.lifecycle.audit.domain;

import java.time.Instant;

/**
 * One link of the chain as stored. {@code content} is canonical JSON; times have microsecond precision (what
 * PostgreSQL keeps), so the hash computed before insert equals the one recomputed from the row.
 */
public record LedgerEntry(long seq, String entryId, Instant recordedAt, Instant occurredAt, String kind,
                          String source, String subject, String identity, String grantId, String principalArn,
                          String eventId, String content, String prevHash, String hash) {

    /** The hash this entry should carry given its fields; compare with {@link #hash()} to detect an edit. */
    public String expectedHash() {
        return LedgerHasher.hash(this);
    }
}
