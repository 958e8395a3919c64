package io.accessloop.lifecycle.audit.service;

import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventType;
import io.accessloop.kit.outbox.Outbox;
import io.accessloop.lifecycle.audit.domain.EventRecords;
import io.accessloop.lifecycle.audit.domain.LedgerRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Publishes an event or command through the outbox and records it in the ledger, in the caller's transaction. */
@ApplicationScoped
public class RecordedOutbox {

    private final Outbox outbox;
    private final AuditLedger ledger;

    RecordedOutbox(Outbox outbox, AuditLedger ledger) {
        this.outbox = outbox;
        this.ledger = ledger;
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
        List<Outbox.Item<T>> outgoing = items.stream().map(item -> new Outbox.Item<>(item.subject(), item.payload()))
                .toList();
        return outbox.appendAll(type, outgoing)
                .call(events -> {
                    List<LedgerRecord> records = new ArrayList<>(events.size());
                    for (int i = 0; i < events.size(); i++) {
                        LedgerRecord record = EventRecords.of(events.get(i));
                        Outgoing<T> item = items.get(i);
                        record = item.identity() == null ? record : record.withIdentity(item.identity());
                        records.add(item.principalArn() == null ? record : record.withPrincipalArn(item.principalArn()));
                    }
                    return ledger.appendAll(records);
                });
    }

    /**
     * One event of a batch.
     *
     * @param identity     the person to file the ledger entry under when the payload does not name one; null otherwise
     * @param principalArn the IAM principal to file the ledger entry under when the payload does not name one; null
     *                     otherwise
     */
    public record Outgoing<T>(String subject, T payload, String identity, String principalArn) {

        public Outgoing(String subject, T payload, String identity) {
            this(subject, payload, identity, null);
        }
    }
}
