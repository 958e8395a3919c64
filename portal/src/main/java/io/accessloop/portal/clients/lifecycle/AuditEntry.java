package io.accessloop.portal.clients.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One entry of the tamper-evident audit ledger. */
public record AuditEntry(long seq, String id, Instant recordedAt, Instant occurredAt, String kind, String source,
                         String subject, String identity, String grantId, String principalArn, String eventId,
                         JsonNode data, String prevHash, String hash) {

    /** The entry's content as compact JSON for the table. */
    public String dataText() {
        return data == null ? "" : data.toString();
    }
}
