package io.accessloop.lifecycle.audit.service;

import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventType;
import io.accessloop.kit.outbox.Outbox;
import io.accessloop.kit.outbox.OutboxSettings;
import io.accessloop.lifecycle.audit.domain.EventRecords;
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

/** Publishes an event or command through the outbox and records it in the ledger, in the caller's transaction. */
@ApplicationScoped
public class RecordedOutbox {

    private static final int COLUMNS = 6;
    private static final int ROWS_PER_INSERT = 1000;

    private final Outbox outbox;
    private final AuditLedger ledger;
    private final EventCodec codec;
    private final OutboxSettings settings;
    private final Clock clock;

    RecordedOutbox(Outbox outbox, AuditLedger ledger, EventCodec codec, OutboxSettings settings, Clock clock) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.codec = codec;
        this.settings = settings;
        this.clock = clock;
    }

    public <T> Uni<CloudEvent> publish(EventType<T> type, String subject, T payload) {
        return outbox.append(type, subject, payload)
                .call(ledger::record);
    }

    /** As {@link #publish(EventType, String, Object)}, filing the ledger entry under a person the payload does not name. */
    public <T> Uni<CloudEvent> publish(EventType<T> type, String subject, T payload, String identity) {
        return outbox.append(type, subject, payload)
                .call(event -> ledger.append(EventRecords.of(event).withIdentity(identity)));
    }

    /**
     * Publishes many events of one type at once, in the caller's transaction: the same outbox rows and ledger
     * entries as one {@code publish} each, written with multi-row inserts and one ledger-head lock.
     */
    public <T> Uni<List<CloudEvent>> publishAll(EventType<T> type, List<Outgoing<T>> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<CloudEvent> events = new ArrayList<>(items.size());
        List<LedgerRecord> records = new ArrayList<>(items.size());
        for (Outgoing<T> item : items) {
            CloudEvent event = CloudEvent.create(type, settings.source(), item.subject(), item.payload(),
                    clock.instant(), codec);
            events.add(event);
            LedgerRecord record = EventRecords.of(event);
            records.add(item.identity() == null ? record : record.withIdentity(item.identity()));
        }
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "RecordedOutbox.publishAll must run inside the transaction of the state change"))
                .chain(tx -> Panache.getSession())
                .chain(session -> Multi.createFrom().iterable(chunks(events))
                        .onItem().transformToUniAndConcatenate(chunk -> insert(session, type, chunk))
                        .collect().last())
                .chain(() -> ledger.appendAll(records))
                .replaceWith(events);
    }

    private Uni<Integer> insert(Mutiny.Session session, EventType<?> type, List<CloudEvent> events) {
        StringBuilder sql = new StringBuilder(
                "insert into outbox_event (event_id, address, type, subject, envelope, created_at) values ");
        for (int row = 0; row < events.size(); row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int col = 1; col <= COLUMNS; col++) {
                sql.append(col == 1 ? "" : ", ").append('?').append(row * COLUMNS + col);
            }
            sql.append(')');
        }
        var query = session.createNativeQuery(sql.toString());
        int p = 0;
        for (CloudEvent event : events) {
            query.setParameter(++p, event.id())
                    .setParameter(++p, type.address())
                    .setParameter(++p, type.type())
                    .setParameter(++p, event.subject())
                    .setParameter(++p, codec.encode(event))
                    .setParameter(++p, OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC));
        }
        return query.executeUpdate();
    }

    private static List<List<CloudEvent>> chunks(List<CloudEvent> events) {
        List<List<CloudEvent>> chunks = new ArrayList<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            chunks.add(events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT)));
        }
        return chunks;
    }

    /**
     * One event of a batch.
     *
     * @param identity the person to file the ledger entry under when the payload does not name one; null otherwise
     */
    public record Outgoing<T>(String subject, T payload, String identity) {
    }
}
