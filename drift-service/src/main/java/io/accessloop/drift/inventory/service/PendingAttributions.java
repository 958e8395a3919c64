package io.accessloop.drift.inventory.service;

import io.accessloop.drift.inventory.domain.ResourceKey;
import io.accessloop.drift.inventory.repository.AttributionPending;
import io.accessloop.drift.inventory.repository.IamChange;
import io.accessloop.drift.inventory.repository.IamResource;
import io.accessloop.drift.inventory.repository.IamResourceVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Changes recorded before the CloudTrail call that caused them was stored. A call stored later (pushed, or found by
 * the {@link TrailBackfill}) is joined to the waiting change it can have caused: the version, and the resource when
 * that version is still its current one, then name who made it. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class PendingAttributions {

    private static final String INSERT = "insert into attribution_pending (version_id, resource_ref, account_id, "
            + "resource_key, window_from, window_to, recorded_at, next_attempt_at, attempts) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0)";

    /** Remembers that the version waits for its call, a call made between {@code from} and {@code to}. */
    public Uni<Void> add(String versionId, String resourceRef, String accountId, ResourceKey key, Instant from,
                         Instant to, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, versionId)
                        .setParameter(2, resourceRef)
                        .setParameter(3, accountId)
                        .setParameter(4, key.toString())
                        .setParameter(5, from)
                        .setParameter(6, to)
                        .setParameter(7, now)
                        .setParameter(8, now)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Joins the resource's waiting changes to stored calls no change was joined to yet, newest change first (so an
     * older change cannot take the call of a newer one); returns the calls joined. The caller holds the resource's
     * {@link ResourceLock}.
     */
    public Uni<List<IamChange>> join(String accountId, ResourceKey key) {
        return AttributionPending.<AttributionPending>list("accountId = ?1 and resourceKey = ?2 order by windowFrom desc",
                        accountId, key.toString())
                .chain(waiting -> waiting.isEmpty() ? Uni.createFrom().item(List.<IamChange>of())
                        : Multi.createFrom().iterable(waiting)
                        // a change without a call yields null, which the concatenation does not emit
                        .onItem().transformToUniAndConcatenate(this::joinOne)
                        .collect().asList());
    }

    private Uni<IamChange> joinOne(AttributionPending waiting) {
        return IamChange.<IamChange>find("accountId = ?1 and resourceKey = ?2 and occurredAt >= ?3 and occurredAt <= ?4 "
                                + "and explained = false order by occurredAt desc",
                        waiting.accountId, waiting.resourceKey, waiting.windowFrom, waiting.windowTo)
                .firstResult()
                .chain(call -> call == null ? Uni.createFrom().<IamChange>nullItem() : apply(waiting, call));
    }

    private Uni<IamChange> apply(AttributionPending waiting, IamChange call) {
        call.explained = true;
        // written now, not at the next flush: an older waiting change of the resource looked up next (in a session
        // that flushes only at commit) must not be joined to the same call
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("update iam_change set explained = true where id = ?1")
                        .setParameter(1, call.id)
                        .executeUpdate())
                .chain(() -> IamResourceVersion.<IamResourceVersion>findById(waiting.versionId))
                .chain(version -> {
                    if (version == null) {
                        return Uni.createFrom().voidItem();
                    }
                    version.changedBy = call.actorArn;
                    version.sourceIdentity = call.sourceIdentity;
                    return IamResource.<IamResource>findById(waiting.resourceRef).invoke(resource -> {
                        if (resource != null && resource.version == version.version) {
                            resource.changedBy = call.actorArn;
                            resource.sourceIdentity = call.sourceIdentity;
                        }
                    }).replaceWithVoid();
                })
                // a bulk delete, not the entity's: the entity is never flushed, so it cannot update a deleted row
                .chain(() -> AttributionPending.delete("versionId", waiting.versionId))
                .replaceWith(call);
    }
}
