package io.accessloop.lifecycle.audit.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.lifecycle.audit.domain.CanonicalJson;
import io.accessloop.lifecycle.audit.domain.EventRecords;
import io.accessloop.lifecycle.audit.domain.LedgerEntry;
import io.accessloop.lifecycle.audit.domain.LedgerHasher;
import io.accessloop.lifecycle.audit.domain.LedgerRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Appends to the hash-chained audit ledger inside the caller's transaction, so an entry exists exactly when the
 * state change it records committed. The head row is locked for the append: links are written one after another.
 */
@ApplicationScoped
public class AuditLedger {

    /** Source of entries describing this service's own actions. */
    public static final String SELF = "/lifecycle-service";

    private final Clock clock;

    AuditLedger(Clock clock) {
        this.clock = clock;
    }

    /** Records a consumed or published event. */
    public Uni<LedgerEntry> record(CloudEvent event) {
        return append(EventRecords.of(event));
    }

    /** Records an own action that is not an event (a saga step, an IAM clean-up, a refused webhook...). */
    public Uni<LedgerEntry> action(String kind, String subject, String identity, String principalArn, JsonNode data) {
        return append(new LedgerRecord(kind, SELF, subject, identity, null, principalArn, null, clock.instant(), data));
    }

    public Uni<LedgerEntry> append(LedgerRecord record) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "AuditLedger.append must run inside the transaction of the change it records"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(
                                "select seq, hash from audit_head where id = 1 for update", Object[].class)
                        .getSingleResult()
                        .chain(head -> {
                            LedgerEntry entry = link(record, ((Number) head[0]).longValue() + 1, (String) head[1]);
                            return session.createNativeQuery("insert into audit_entry (seq, entry_id, recorded_at, "
                                                    + "occurred_at, kind, source, subject, identity, grant_id, principal_arn, "
                                                    + "event_id, content, prev_hash, hash) values "
                                                    + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
                                    .setParameter(1, entry.seq())
                                    .setParameter(2, entry.entryId())
                                    .setParameter(3, OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC))
                                    .setParameter(4, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                                    .setParameter(5, entry.kind())
                                    .setParameter(6, entry.source())
                                    .setParameter(7, entry.subject())
                                    .setParameter(8, entry.identity())
                                    .setParameter(9, entry.grantId())
                                    .setParameter(10, entry.principalArn())
                                    .setParameter(11, entry.eventId())
                                    .setParameter(12, entry.content())
                                    .setParameter(13, entry.prevHash())
                                    .setParameter(14, entry.hash())
                                    .executeUpdate()
                                    .chain(() -> session.createNativeQuery(
                                                    "update audit_head set seq = ?1, hash = ?2 where id = 1")
                                            .setParameter(1, entry.seq())
                                            .setParameter(2, entry.hash())
                                            .executeUpdate())
                                    .replaceWith(entry);
                        }));
    }

    private LedgerEntry link(LedgerRecord r, long seq, String prevHash) {
        LedgerEntry unsigned = new LedgerEntry(seq, "evt_" + UUID.randomUUID().toString().replace("-", ""),
                LedgerHasher.storable(clock.instant()), LedgerHasher.storable(r.occurredAt()), r.kind(), r.source(),
                r.subject(), r.identity(), r.grantId(), r.principalArn(), r.eventId(),
                CanonicalJson.write(r.data()), prevHash, null);
        return new LedgerEntry(unsigned.seq(), unsigned.entryId(), unsigned.recordedAt(), unsigned.occurredAt(),
                unsigned.kind(), unsigned.source(), unsigned.subject(), unsigned.identity(), unsigned.grantId(),
                unsigned.principalArn(), unsigned.eventId(), unsigned.content(), prevHash, unsigned.expectedHash());
    }
}
