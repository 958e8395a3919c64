package io.accessloop.drift.inventory.service;

import io.accessloop.drift.inventory.domain.ApiCall;
import io.accessloop.drift.inventory.domain.Ownership;
import io.accessloop.drift.inventory.repository.IamChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Stores CloudTrail IAM write calls once per CloudTrail event id, marking Accessloop's own. */
@ApplicationScoped
public class CallRecorder {

    private final Ownership ownership;

    CallRecorder(Ownership ownership) {
        this.ownership = ownership;
    }

    /** The stored call; null when it was stored before. Runs inside the caller's transaction. */
    public Uni<IamChange> record(ApiCall call, String rawEventId) {
        return IamChange.<IamChange>find("eventId", call.eventId()).firstResult().chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().nullItem();
            }
            IamChange change = new IamChange();
            change.id = "chg_" + UUID.randomUUID();
            change.eventId = call.eventId();
            change.accountId = call.accountId();
            change.eventSource = call.eventSource();
            change.eventName = call.eventName();
            change.resourceKey = call.target() == null ? null : call.target().toString();
            change.actorArn = call.actorArn();
            change.sourceIdentity = call.sourceIdentity();
            change.byAccessloop = ownership.isAccessloop(call);
            change.occurredAt = call.eventTime();
            change.parameters = call.parameters();
            change.rawEventId = rawEventId;
            return change.<IamChange>persist();
        });
    }
}
