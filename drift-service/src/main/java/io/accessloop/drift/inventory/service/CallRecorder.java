package io.accessloop.drift.inventory.service;

import io.accessloop.drift.inventory.domain.ApiCall;
import io.accessloop.drift.inventory.domain.Ownership;
import io.accessloop.drift.inventory.repository.IamChange;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Stores CloudTrail IAM write calls once per CloudTrail event id, marking Accessloop's own. */
@ApplicationScoped
public class CallRecorder {

    /*
     * One statement that both checks and inserts: the same CloudTrail event can reach two transactions at once (the
     * EventBridge stream and a LookupEvents fetch), and the unique index on event_id then lets exactly one insert it.
     */
    private static final String INSERT = "insert into iam_change (id, event_id, account_id, event_source, event_name, "
            + "resource_key, actor_arn, source_identity, by_accessloop, occurred_at, parameters, raw_event_id, explained) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, false) on conflict (event_id) do nothing";

    private final Ownership ownership;

    CallRecorder(Ownership ownership) {
        this.ownership = ownership;
    }

    /** The stored call; null when it was stored before. Runs inside the caller's transaction. */
    public Uni<IamChange> record(ApiCall call, String rawEventId) {
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
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, change.id)
                        .setParameter(2, change.eventId)
                        .setParameter(3, change.accountId)
                        .setParameter(4, change.eventSource)
                        .setParameter(5, change.eventName)
                        .setParameter(6, change.resourceKey)
                        .setParameter(7, change.actorArn)
                        .setParameter(8, change.sourceIdentity)
                        .setParameter(9, change.byAccessloop)
                        .setParameter(10, change.occurredAt)
                        .setParameter(11, change.parameters)
                        .setParameter(12, change.rawEventId)
                        .executeUpdate())
                .map(inserted -> inserted == 0 ? null : change);
    }
}
