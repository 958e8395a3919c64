package io.accessloop.broker.messaging;

import io.accessloop.broker.grant.service.GrantService;
import io.accessloop.broker.request.service.RequestService;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.kit.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.Locale;

/**
 * Identity lifecycle ({@code accessloop.identity::accessloop.identity.broker}): a person offboarded, suspended or
 * transferred loses their pending requests and active grants (a transfer changes which groups they are eligible
 * through, so access granted under the old team ends).
 */
@ApplicationScoped
public class IdentityEventConsumer {

    public static final String CHANNEL = "identity";
    static final String CONSUMER = "broker-identity";
    static final String BY = "lifecycle-service";

    private final Inbox inbox;
    private final EventCodec codec;
    private final GrantService grants;
    private final RequestService requests;

    IdentityEventConsumer(Inbox inbox, EventCodec codec, GrantService grants, RequestService requests) {
        this.inbox = inbox;
        this.codec = codec;
        this.grants = grants;
        this.requests = requests;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onIdentity(Object body) {
        return inbox.receive(CONSUMER, body, this::handle);
    }

    Uni<Void> handle(CloudEvent event) {
        String type = event.type();
        if (type.equals(EventTypes.OFFBOARDED.type())) {
            return endAccess(codec.payload(event, EventTypes.OFFBOARDED).identity(), "offboarded", event.time());
        }
        if (type.equals(EventTypes.SUSPENDED.type())) {
            return endAccess(codec.payload(event, EventTypes.SUSPENDED).identity(), "suspended", event.time());
        }
        if (type.equals(EventTypes.TRANSFERRED.type())) {
            return endAccess(codec.payload(event, EventTypes.TRANSFERRED).identity(), "transferred", event.time());
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> endAccess(String identity, String reason, Instant triggered) {
        String person = identity.toLowerCase(Locale.ROOT);
        return requests.cancelPendingOf(person, BY, reason)
                .chain(() -> grants.revokeIdentity(person, reason, BY, triggered))
                .replaceWithVoid();
    }
}
