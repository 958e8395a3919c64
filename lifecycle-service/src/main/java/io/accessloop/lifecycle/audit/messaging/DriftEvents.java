package io.accessloop.lifecycle.audit.messaging;

import io.accessloop.kit.inbox.Inbox;
import io.accessloop.lifecycle.audit.service.AuditLedger;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Drift findings and right-sizing from {@code accessloop.drift}: every one goes into the ledger. */
@ApplicationScoped
public class DriftEvents {

    private final Inbox inbox;
    private final AuditLedger ledger;

    DriftEvents(Inbox inbox, AuditLedger ledger) {
        this.inbox = inbox;
        this.ledger = ledger;
    }

    @Incoming("drift")
    public Uni<Void> onMessage(String body) {
        return inbox.receive("lifecycle", body, event -> ledger.record(event).replaceWithVoid());
    }
}
