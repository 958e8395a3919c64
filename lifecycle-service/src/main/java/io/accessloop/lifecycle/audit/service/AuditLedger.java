package io.accessloop.lifecycle.audit.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.lifecycle.audit.domain.CanonicalJson;
import io.accessloop.lifecycle.audit.domain.EventRecords;
import io.accessloop.lifecycle.audit.domain.LedgerEntry;
import io.accessloop.lifecycle.audit.domain.LedgerHasher;
import io.accessloop.lifecycle.audit.domain.LedgerRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends to the hash-chained audit ledger inside the caller's transaction, so an entry exists exactly when the
 * state change it records committed. The head row is locked for the append: links are written one after another,
 * and a batch of records shares one lock and a few multi-row inserts.
 */
@ApplicationScoped
public class AuditLedger {

    /** Source of entries describing this service's own actions. */
    public static final String SELF = "/lifecycle-service";
    private static final int COLUMNS = 14;
    /** 14 parameters a row: far below PostgreSQL's 65,535 bind parameters per statement. */
    private static final int ROWS_PER_INSERT = 500;

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
        return appendAll(List.of(record)).map(entries -> entries.get(0));
    }

    /**
     * Appends several records as consecutive links: the head is locked once and the entries are written with
     * multi-row inserts, so a batch of thousands costs a handful of statements instead of three per entry.
     */
    public Uni<List<LedgerEntry>> appendAll(List<LedgerRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "AuditLedger.append must run inside the transaction of the change it records"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(
                                "select seq, hash from audit_head where id = 1 for update", Object[].class)
                        .getSingleResult()
                        .chain(head -> {
                            List<LedgerEntry> entries = new ArrayList<>(records.size());
                            long seq = ((Number) head[0]).longValue();
                            String prev = (String) head[1];
                            for (LedgerRecord record : records) {
                                LedgerEntry entry = link(record, ++seq, prev);
                                entries.add(entry);
                                prev = entry.hash();
                            }
                            LedgerEntry last = entries.get(entries.size() - 1);
                            return Multi.createFrom().iterable(chunks(entries))
                                    .onItem().transformToUniAndConcatenate(chunk -> insert(session, chunk))
                                    .collect().last()
                                    .chain(() -> session.createNativeQuery(
                                                    "update audit_head set seq = ?1, hash = ?2 where id = 1")
                                            .setParameter(1, last.seq())
                                            .setParameter(2, last.hash())
                                            .executeUpdate())
                                    .replaceWith(entries);
                        }));
    }

    private static List<List<LedgerEntry>> chunks(List<LedgerEntry> entries) {
        List<List<LedgerEntry>> chunks = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
            chunks.add(entries.subList(from, Math.min(entries.size(), from + ROWS_PER_INSERT)));
        }
        return chunks;
    }

    private static Uni<Integer> insert(Mutiny.Session session, List<LedgerEntry> entries) {
        StringBuilder sql = new StringBuilder("insert into audit_entry (seq, entry_id, recorded_at, occurred_at, kind, "
                + "source, subject, identity, grant_id, principal_arn, event_id, content, prev_hash, hash) values ");
        for (int row = 0; row < entries.size(); row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int col = 1; col <= COLUMNS; col++) {
                sql.append(col == 1 ? "" : ", ").append('?').append(row * COLUMNS + col);
            }
            sql.append(')');
        }
        var query = session.createNativeQuery(sql.toString());
        int p = 0;
        for (LedgerEntry entry : entries) {
            query.setParameter(++p, entry.seq())
                    .setParameter(++p, entry.entryId())
                    .setParameter(++p, OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC))
                    .setParameter(++p, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                    .setParameter(++p, entry.kind())
                    .setParameter(++p, entry.source())
                    .setParameter(++p, entry.subject())
                    .setParameter(++p, entry.identity())
                    .setParameter(++p, entry.grantId())
                    .setParameter(++p, entry.principalArn())
                    .setParameter(++p, entry.eventId())
                    .setParameter(++p, entry.content())
                    .setParameter(++p, entry.prevHash())
                    .setParameter(++p, entry.hash());
        }
        return query.executeUpdate();
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
