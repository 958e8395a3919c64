package io.accessloop.lifecycle.audit.service;

import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventType;
import io.accessloop.kit.outbox.Outbox;
import io.accessloop.lifecycle.audit.domain.EventRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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
}
