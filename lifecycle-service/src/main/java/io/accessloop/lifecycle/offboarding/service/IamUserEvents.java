package io.accessloop.lifecycle.offboarding.service;

import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.identity.IamUserActioned;
import io.accessloop.lifecycle.audit.service.RecordedOutbox;
import io.accessloop.lifecycle.offboarding.domain.UserChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Publishes one IAM_USER_ACTIONED event per change made to an IAM user, in the caller's transaction. */
@ApplicationScoped
public class IamUserEvents {

    private final RecordedOutbox outbox;

    IamUserEvents(RecordedOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * @param identity the person the users belong to, for the ledger; null when unknown
     */
    public Uni<Void> publish(List<UserChange> changes, String reason, String identity, Instant at) {
        List<RecordedOutbox.Outgoing<IamUserActioned>> events = changes.stream().filter(UserChange::isAction)
                .map(c -> new RecordedOutbox.Outgoing<>(c.userArn().isEmpty() ? c.userName() : c.userArn(),
                        new IamUserActioned(c.accountId(), c.userArn(), c.action(), c.accessKeyId(), reason, at),
                        identity))
                .toList();
        return outbox.publishAll(EventTypes.IAM_USER_ACTIONED, events).replaceWithVoid();
    }
}
