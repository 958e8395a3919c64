package io.accessloop.broker.messaging;

import io.accessloop.broker.grant.service.GrantService;
import io.accessloop.broker.request.service.RequestService;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.command.RevokeGrant;
import io.accessloop.contracts.command.RevokeIdentity;
import io.accessloop.kit.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Revoke commands from lifecycle-service ({@code accessloop.broker.commands}), applied once per command id. */
@ApplicationScoped
public class BrokerCommandConsumer {

    public static final String CHANNEL = "commands";
    static final String CONSUMER = "broker-commands";

    private final Inbox inbox;
    private final EventCodec codec;
    private final GrantService grants;
    private final RequestService requests;

    BrokerCommandConsumer(Inbox inbox, EventCodec codec, GrantService grants, RequestService requests) {
        this.inbox = inbox;
        this.codec = codec;
        this.grants = grants;
        this.requests = requests;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onCommand(Object body) {
        return inbox.receive(CONSUMER, body, this::handle);
    }

    Uni<Void> handle(CloudEvent event) {
        if (event.type().equals(EventTypes.REVOKE_GRANT.type())) {
            RevokeGrant command = codec.payload(event, EventTypes.REVOKE_GRANT);
            return grants.endByCommand(command.grantId(), command.reason(), command.requestedBy(), event.time())
                    .replaceWithVoid();
        }
        if (event.type().equals(EventTypes.REVOKE_IDENTITY.type())) {
            RevokeIdentity command = codec.payload(event, EventTypes.REVOKE_IDENTITY);
            String identity = command.identity().toLowerCase(java.util.Locale.ROOT);
            return requests.cancelPendingOf(identity, command.requestedBy(), command.reason())
                    .chain(() -> grants.revokeIdentity(identity, command.reason(), command.requestedBy(), event.time()))
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
