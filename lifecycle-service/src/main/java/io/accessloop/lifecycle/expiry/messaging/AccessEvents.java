package io.accessloop.lifecycle.expiry.messaging;

import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.access.GrantExpired;
import io.accessloop.contracts.access.GrantReleased;
import io.accessloop.contracts.access.GrantRevoked;
import io.accessloop.kit.inbox.Inbox;
import io.accessloop.lifecycle.audit.service.AuditLedger;
import io.accessloop.lifecycle.expiry.service.GrantTracker;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Everything the broker publishes on {@code accessloop.access}: recorded in the ledger, grants' ends tracked. */
@ApplicationScoped
public class AccessEvents {

    /** Inbox consumer name of lifecycle-service. */
    public static final String CONSUMER = "lifecycle";
    private static final Logger LOG = Logger.getLogger(AccessEvents.class);

    private final Inbox inbox;
    private final EventCodec codec;
    private final AuditLedger ledger;
    private final GrantTracker grants;

    AccessEvents(Inbox inbox, EventCodec codec, AuditLedger ledger, GrantTracker grants) {
        this.inbox = inbox;
        this.codec = codec;
        this.ledger = ledger;
        this.grants = grants;
    }

    @Incoming("access")
    public Uni<Void> onMessage(String body) {
        return inbox.receive(CONSUMER, body, this::handle);
    }

    /**
     * Runs inside the inbox transaction, once per event id. The grant row is touched before the ledger head is
     * locked: the same order as the expiry sweep, so the two never deadlock.
     */
    public Uni<Void> handle(CloudEvent event) {
        return track(event).chain(() -> ledger.record(event)).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf(e, "could not process %s %s, it will be redelivered", event.type(),
                        event.id()));
    }

    private Uni<Void> track(CloudEvent event) {
        String type = event.type();
        if (type.equals(EventTypes.GRANT_ACTIVATED.type())) {
            return grants.activated(codec.payload(event, EventTypes.GRANT_ACTIVATED));
        }
        if (type.equals(EventTypes.GRANT_EXTENDED.type())) {
            return grants.extended(codec.payload(event, EventTypes.GRANT_EXTENDED));
        }
        if (type.equals(EventTypes.GRANT_REVOKED.type())) {
            GrantRevoked g = codec.payload(event, EventTypes.GRANT_REVOKED);
            return grants.ended(g.grantId(), g.identity());
        }
        if (type.equals(EventTypes.GRANT_EXPIRED.type())) {
            GrantExpired g = codec.payload(event, EventTypes.GRANT_EXPIRED);
            return grants.ended(g.grantId(), g.identity());
        }
        if (type.equals(EventTypes.GRANT_RELEASED.type())) {
            GrantReleased g = codec.payload(event, EventTypes.GRANT_RELEASED);
            return grants.ended(g.grantId(), g.identity());
        }
        return Uni.createFrom().voidItem();
    }
}
