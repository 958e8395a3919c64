package io.accessloop.lifecycle.audit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.lifecycle.audit.domain.CanonicalJson;
import io.accessloop.lifecycle.audit.domain.LedgerEntry;

import java.time.Instant;

/** One ledger entry as the API shows it; {@code data} is the stored canonical content as JSON. */
public record AuditEntryView(long seq, String id, Instant recordedAt, Instant occurredAt, String kind, String source,
                             String subject, String identity, String grantId, String principalArn, String eventId,
                             JsonNode data, String prevHash, String hash) {

    public static AuditEntryView of(LedgerEntry e) {
        return new AuditEntryView(e.seq(), e.entryId(), e.recordedAt(), e.occurredAt(), e.kind(), e.source(),
                e.subject(), e.identity(), e.grantId(), e.principalArn(), e.eventId(), CanonicalJson.read(e.content()),
                e.prevHash(), e.hash());
    }
}
