package io.accessloop.drift.inventory.service;

import io.accessloop.drift.inventory.config.OwnershipSettings;
import io.accessloop.drift.inventory.domain.Attribution;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.Ownership;
import io.accessloop.drift.inventory.domain.ResourceKey;
import io.accessloop.drift.inventory.domain.ResourceType;
import io.accessloop.drift.inventory.repository.IamChange;
import io.accessloop.drift.inventory.repository.IamResource;
import io.accessloop.drift.inventory.repository.IamResourceVersion;
import io.accessloop.drift.inventory.repository.ManagedRole;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps the inventory: accepts a snapshot only when it is newer than the stored state (so redelivered or
 * out-of-order notifications never roll a resource back), versions every real change, and joins it to the
 * CloudTrail call that caused it when that call is stored already; otherwise the change waits for it
 * ({@link PendingAttributions}, looked up later by the {@link TrailBackfill}), so no CloudTrail request is made while
 * the resource is locked. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class InventoryService {

    private final SnapshotJson json;
    private final Ownership ownership;
    private final Clock clock;
    private final PendingAttributions pending;
    private final ResourceLock locks;
    private final OwnershipSettings settings;

    InventoryService(SnapshotJson json, Ownership ownership, Clock clock, PendingAttributions pending,
                     ResourceLock locks, OwnershipSettings settings) {
        this.json = json;
        this.pending = pending;
        this.settings = settings;
        this.locks = locks;
        this.ownership = ownership;
        this.clock = clock;
    }

    /**
     * Records {@code snapshot} unless the inventory holds a newer state. Concurrent calls for the same resource (other
     * lanes, other replicas, reconciliation) wait for each other on the resource's lock, so each decides "newer"
     * against what the previous one committed.
     */
    public Uni<Recorded> record(IamSnapshot snapshot, String source) {
        return locks.hold(snapshot.accountId(), ResourceKey.of(snapshot))
                .chain(() -> IamResource.<IamResource>find("accountId = ?1 and arn = ?2", snapshot.accountId(),
                                snapshot.arn())
                        .withLock(LockModeType.PESSIMISTIC_WRITE).<IamResource>firstResult())
                .chain(existing -> {
                    IamSnapshot previous = existing == null ? null : json.read(existing.state);
                    if (existing != null && !snapshot.newerThan(existing.capturedAt, existing.stateId)) {
                        return Uni.createFrom().item(new Recorded(Recorded.Outcome.STALE, previous, previous,
                                Attribution.unknown(), existing.managed));
                    }
                    if (existing != null && snapshot.sameConfigurationAs(previous)) {
                        existing.capturedAt = snapshot.capturedAt();
                        existing.stateId = snapshot.stateId();
                        existing.updatedAt = clock.instant();
                        return Uni.createFrom().item(new Recorded(Recorded.Outcome.UNCHANGED, previous, snapshot,
                                Attribution.unknown(), existing.managed));
                    }
                    return managedRole(snapshot)
                            .chain(role -> attribute(previous, snapshot, role)
                                    .chain(cause -> store(existing, previous, snapshot, cause,
                                            ownership.isManaged(snapshot, role != null), source)));
                });
    }

    /** Only roles can be handed out by Accessloop; other types skip the lookup. */
    private static Uni<ManagedRole> managedRole(IamSnapshot snapshot) {
        return snapshot.type() == ResourceType.ROLE ? ManagedRole.findById(snapshot.arn())
                : Uni.createFrom().nullItem();
    }

    /**
     * Who caused the change: the stored call it is joined to, Accessloop's own revocation, or nobody known yet (then
     * the change waits for its call when CloudTrail lookups are on).
     */
    private Uni<Cause> attribute(IamSnapshot previous, IamSnapshot current, ManagedRole role) {
        Instant from = earliestCause(previous, current);
        Instant to = current.capturedAt().plus(ownership.window());
        return unexplainedCall(current, from, to)
                .map(call -> {
                    if (call != null) {
                        call.explained = true;
                        return new Cause(new Attribution(call.actorArn, call.sourceIdentity, call.eventName,
                                call.occurredAt, call.byAccessloop), false, from, to);
                    }
                    if (role != null && ownership.isExpectedRevocation(previous, current, role.lastRevocationAt)) {
                        return new Cause(Attribution.accessloop("revocation"), false, from, to);
                    }
                    // the call that caused this state came before it was captured: a later call on the resource
                    // belongs to a later change, so the wait for this one ends at the capture
                    return new Cause(Attribution.unknown(), settings.trailLookup(), from, current.capturedAt());
                });
    }

    /** Who made a change; {@code waiting} when its call may still arrive, between {@code from} and {@code to}. */
    private record Cause(Attribution who, boolean waiting, Instant from, Instant to) {
    }

    /** The newest call on this resource in the window that no earlier change was joined to. */
    private static Uni<IamChange> unexplainedCall(IamSnapshot current, Instant from, Instant to) {
        return IamChange.<IamChange>find("accountId = ?1 and resourceKey = ?2 and occurredAt >= ?3 and occurredAt <= ?4 "
                                + "and explained = false order by occurredAt desc",
                        current.accountId(), ResourceKey.of(current).toString(), from, to)
                .firstResult();
    }

    /**
     * A call can only have caused this state if it came after the previous state was captured (CloudTrail times
     * have whole seconds, hence the one-second slack) and within the attribution window.
     */
    private Instant earliestCause(IamSnapshot previous, IamSnapshot current) {
        Instant bound = current.capturedAt().minus(ownership.window());
        if (previous != null && previous.capturedAt().minusSeconds(1).isAfter(bound)) {
            return previous.capturedAt().minusSeconds(1).plusMillis(1);
        }
        return bound;
    }

    private Uni<Recorded> store(IamResource existing, IamSnapshot previous, IamSnapshot snapshot, Cause cause,
                                boolean managed, String source) {
        Attribution who = cause.who();
        IamResource row = existing != null ? existing : new IamResource();
        row.capturedAt = snapshot.capturedAt();
        row.stateId = snapshot.stateId();
        row.updatedAt = clock.instant();
        row.managed = managed;
        if (existing == null) {
            row.id = "prp_" + UUID.randomUUID();
            row.accountId = snapshot.accountId();
            row.arn = snapshot.arn();
            row.resourceType = snapshot.type().name();
        }
        row.resourceId = snapshot.resourceId() != null ? snapshot.resourceId() : row.resourceId;
        row.name = snapshot.name();
        row.deleted = snapshot.deleted();
        row.state = json.write(snapshot);
        row.version = row.version + 1;
        row.changedBy = who.actorArn();
        row.sourceIdentity = who.sourceIdentity();
        IamResourceVersion version = new IamResourceVersion();
        version.id = "ver_" + UUID.randomUUID();
        version.resourceRef = row.id;
        version.version = row.version;
        version.changeType = previous == null || previous.deleted() ? "CREATE" : snapshot.deleted() ? "DELETE" : "UPDATE";
        version.source = source;
        version.state = row.state;
        version.capturedAt = snapshot.capturedAt();
        version.stateId = snapshot.stateId();
        version.changedBy = who.actorArn();
        version.sourceIdentity = who.sourceIdentity();
        version.recordedAt = row.updatedAt;
        Uni<?> saveRow = existing == null ? row.persist() : Uni.createFrom().item(row);
        return saveRow.chain(() -> version.persist())
                .chain(() -> cause.waiting()
                        ? pending.add(version.id, row.id, row.accountId, ResourceKey.of(snapshot), cause.from(),
                                cause.to(), row.updatedAt)
                        : Uni.createFrom().voidItem())
                .replaceWith(new Recorded(Recorded.Outcome.CHANGED, previous, snapshot, who, managed));
    }
}
