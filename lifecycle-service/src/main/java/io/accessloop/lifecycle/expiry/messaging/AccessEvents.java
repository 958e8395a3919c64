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
import io.accessloop.lifecycle.offboarding.service.OffboardingCases;
import io.accessloop.lifecycle.offboarding.service.OffboardingWorker;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final OffboardingCases cases;
    private final OffboardingWorker worker;
    private final Clock clock;

    AccessEvents(Inbox inbox, EventCodec codec, AuditLedger ledger, GrantTracker grants, OffboardingCases cases,
                 OffboardingWorker worker, Clock clock) {
        this.inbox = inbox;
        this.codec = codec;
        this.ledger = ledger;
        this.grants = grants;
        this.cases = cases;
        this.worker = worker;
        this.clock = clock;
    }

    @Incoming("access")
    public Uni<Void> onMessage(String body) {
        AtomicBoolean caseDue = new AtomicBoolean();
        return inbox.receive(CONSUMER, body, event -> handle(event, caseDue)).invoke(() -> {
            if (caseDue.get()) {
                // committed: the leaver's case need not wait out its back-off for the broker's last report
                worker.nudge();
            }
        });
    }

    /**
     * Runs inside the inbox transaction, once per event id. The grant row is touched before the ledger head is
     * locked: the same order as the expiry sweep, so the two never deadlock.
     */
    public Uni<Void> handle(CloudEvent event) {
        return handle(event, new AtomicBoolean());
    }

    private Uni<Void> handle(CloudEvent event, AtomicBoolean caseDue) {
        return track(event).chain(() -> ended(event, caseDue)).chain(() -> ledger.record(event)).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf(e, "could not process %s %s, it will be redelivered", event.type(),
                        event.id()));
    }

    /** A grant ended: an offboarding case that only waits for the broker's reports may go on at once. */
    private Uni<Void> ended(CloudEvent event, AtomicBoolean caseDue) {
        String type = event.type();
        String identity;
        if (type.equals(EventTypes.GRANT_REVOKED.type())) {
            identity = codec.payload(event, EventTypes.GRANT_REVOKED).identity();
        } else if (type.equals(EventTypes.GRANT_EXPIRED.type())) {
            identity = codec.payload(event, EventTypes.GRANT_EXPIRED).identity();
        } else if (type.equals(EventTypes.GRANT_RELEASED.type())) {
            identity = codec.payload(event, EventTypes.GRANT_RELEASED).identity();
        } else {
            return Uni.createFrom().voidItem();
        }
        return cases.grantsAllEnded(identity.toLowerCase(Locale.ROOT), clock.instant())
                .invoke(due -> caseDue.set(caseDue.get() || due)).replaceWithVoid();
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
