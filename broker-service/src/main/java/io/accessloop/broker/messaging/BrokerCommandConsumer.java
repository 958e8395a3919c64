package io.accessloop.broker.messaging;

import io.accessloop.broker.grant.service.GrantService;
import io.accessloop.broker.request.service.RequestService;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.MalformedEventException;
import io.accessloop.contracts.command.RevokeGrant;
import io.accessloop.contracts.command.RevokeGrants;
import io.accessloop.contracts.command.RevokeIdentity;
import io.accessloop.kit.inbox.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Revoke commands from lifecycle-service ({@code accessloop.broker.commands}), applied once per command id. A command
 * that can never be applied (undecodable payload, missing fields, too many grants) is logged, counted in
 * {@code accessloop_events_rejected_total} and recorded as handled without changing anything, so it is not
 * redelivered forever; a command that fails for a passing reason (AWS, the database) is redelivered.
 */
@ApplicationScoped
public class BrokerCommandConsumer {

    public static final String CHANNEL = "commands";
    static final String CONSUMER = "broker-commands";

    private static final Logger LOG = Logger.getLogger(BrokerCommandConsumer.class);

    private final Inbox inbox;
    private final EventCodec codec;
    private final GrantService grants;
    private final RequestService requests;
    private final MeterRegistry registry;

    BrokerCommandConsumer(Inbox inbox, EventCodec codec, GrantService grants, RequestService requests,
                          MeterRegistry registry) {
        this.inbox = inbox;
        this.codec = codec;
        this.grants = grants;
        this.requests = requests;
        this.registry = registry;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onCommand(Object body) {
        return inbox.receive(CONSUMER, body, this::handle);
    }

    Uni<Void> handle(CloudEvent event) {
        try {
            return apply(event);
        } catch (MalformedEventException | InvalidCommand e) {
            registry.counter("accessloop_events_rejected_total", "consumer", CONSUMER).increment();
            LOG.warnf("%s rejected command %s (%s): %s", CONSUMER, event.id(), event.type(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
    }

    /** Decodes and checks the command at once (throwing), then returns the work. */
    private Uni<Void> apply(CloudEvent event) {
        if (event.type().equals(EventTypes.REVOKE_GRANT.type())) {
            RevokeGrant command = codec.payload(event, EventTypes.REVOKE_GRANT);
            String grant = InvalidCommand.require(command.grantId(), "grantId");
            return grants.endByCommand(grant, command.reason(), command.requestedBy(), event.time())
                    .replaceWithVoid();
        }
        if (event.type().equals(EventTypes.REVOKE_GRANTS.type())) {
            RevokeGrants command = codec.payload(event, EventTypes.REVOKE_GRANTS);
            Set<String> ids = grantIds(command.grantIds());
            String reason = InvalidCommand.require(command.reason(), "reason").strip();
            String requestedBy = InvalidCommand.require(command.requestedBy(), "requestedBy");
            return grants.endAllByCommand(ids, reason, requestedBy, event.time()).replaceWithVoid();
        }
        if (event.type().equals(EventTypes.REVOKE_IDENTITY.type())) {
            RevokeIdentity command = codec.payload(event, EventTypes.REVOKE_IDENTITY);
            String identity = InvalidCommand.require(command.identity(), "identity").toLowerCase(Locale.ROOT);
            return requests.cancelPendingOf(identity, command.requestedBy(), command.reason())
                    .chain(() -> grants.revokeIdentity(identity, command.reason(), command.requestedBy(), event.time()))
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /** 1 to {@link RevokeGrants#MAX_GRANTS} non-blank ids; a repeated id is revoked once. */
    private static Set<String> grantIds(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidCommand("grantIds is empty");
        }
        if (ids.size() > RevokeGrants.MAX_GRANTS) {
            throw new InvalidCommand("grantIds holds " + ids.size() + " ids, more than " + RevokeGrants.MAX_GRANTS);
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            distinct.add(InvalidCommand.require(id, "a grant id"));
        }
        return distinct;
    }
}
