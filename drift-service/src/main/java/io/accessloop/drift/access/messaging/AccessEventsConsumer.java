package io.accessloop.drift.access.messaging;

import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.drift.inventory.repository.IamResource;
import io.accessloop.drift.inventory.repository.ManagedRole;
import io.accessloop.iam.policy.Arn;
import io.accessloop.kit.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/**
 * Learns from the broker's access events which roles Accessloop hands out (they become managed principals) and
 * when it last revoked on a role, so that the broker's own revocation-policy updates are not taken for drift.
 */
@ApplicationScoped
public class AccessEventsConsumer {

    public static final String CHANNEL = "access";
    static final String CONSUMER = "drift-access";

    private final Inbox inbox;
    private final EventCodec codec;

    AccessEventsConsumer(Inbox inbox, EventCodec codec) {
        this.inbox = inbox;
        this.codec = codec;
    }

    @Incoming(CHANNEL)
    Uni<Void> onAccess(Object body) {
        return inbox.receive(CONSUMER, body, this::handle);
    }

    Uni<Void> handle(CloudEvent event) {
        String type = event.type();
        if (type.equals(EventTypes.GRANT_ACTIVATED.type())) {
            var grant = codec.payload(event, EventTypes.GRANT_ACTIVATED);
            return touch(grant.roleArn(), grant.startsAt(), false);
        }
        if (type.equals(EventTypes.GRANT_REVOKED.type())) {
            var revoked = codec.payload(event, EventTypes.GRANT_REVOKED);
            return touch(revoked.roleArn(), revoked.revokedAt(), true);
        }
        if (type.equals(EventTypes.GRANT_EXPIRED.type())) {
            var expired = codec.payload(event, EventTypes.GRANT_EXPIRED);
            return touch(expired.roleArn(), expired.expiredAt(), true);
        }
        if (type.equals(EventTypes.GRANT_RELEASED.type())) {
            var released = codec.payload(event, EventTypes.GRANT_RELEASED);
            return touch(released.roleArn(), released.releasedAt(), true);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> touch(String roleArn, Instant at, boolean revocation) {
        var arn = Arn.tryParse(roleArn);
        if (arn.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ManagedRole.<ManagedRole>findById(roleArn).chain(existing -> {
            ManagedRole role = existing != null ? existing : new ManagedRole();
            role.roleArn = roleArn;
            role.accountId = arn.get().account();
            if (revocation) {
                role.lastRevocationAt = latest(role.lastRevocationAt, at);
            } else {
                role.lastGrantAt = latest(role.lastGrantAt, at);
            }
            Uni<?> saved = existing == null ? role.persist() : Uni.createFrom().item(role);
            return saved.chain(() -> IamResource.update("managed = true where arn = ?1", roleArn)).replaceWithVoid();
        });
    }

    private static Instant latest(Instant current, Instant candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
