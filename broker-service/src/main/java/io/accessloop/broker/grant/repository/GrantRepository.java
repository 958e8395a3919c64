package io.accessloop.broker.grant.repository;

import io.accessloop.broker.grant.domain.Grant;
import io.accessloop.broker.grant.domain.GrantStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads and stores {@link Grant}s; callers run inside a transaction. */
@ApplicationScoped
public class GrantRepository {

    private final GrantListing listing;

    GrantRepository(GrantListing listing) {
        this.listing = listing;
    }

    public Uni<Grant> find(String id) {
        return GrantRecord.<GrantRecord>findById(id).map(r -> r == null ? null : toDomain(r));
    }

    /** Remembers that a session of the grant lives until {@code expiration}; the latest such instant is kept. */
    public Uni<Void> sessionIssued(String grantId, Instant expiration) {
        return Panache.getSession().chain(session -> session.createNativeQuery("update access_grant set "
                                + "sessions_until = greatest(coalesce(sessions_until, ?2), ?2) where id = ?1")
                        .setParameter(1, grantId).setParameter(2, expiration).executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Grant> findForUpdate(String id) {
        return GrantRecord.<GrantRecord>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(r -> r == null ? null : toDomain(r));
    }

    /** Active grants of a person, locked (offboarding revokes them). */
    public Uni<List<Grant>> activeOfForUpdate(String identity) {
        return GrantRecord.<GrantRecord>find("identity = ?1 and status = 'ACTIVE' order by id", identity)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(records -> records.stream().map(GrantRepository::toDomain).toList());
    }

    /** Those of {@code ids} that are ACTIVE, locked, in id order (unknown ids are left out). */
    public Uni<List<Grant>> activeForUpdate(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return GrantRecord.<GrantRecord>find("id in ?1 and status = 'ACTIVE' order by id", List.copyOf(ids))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(records -> records.stream().map(GrantRepository::toDomain).toList());
    }

    /**
     * Stores the end of many grants with one update per distinct outcome (a batch ended together shares its status,
     * time, author and reason; only verification may differ by role) instead of one per grant.
     */
    public Uni<Void> saveEnded(List<Grant> ended) {
        Map<List<Object>, List<String>> groups = new LinkedHashMap<>();
        for (Grant g : ended) {
            if (g.status() == GrantStatus.ACTIVE) {
                throw new IllegalArgumentException(g.id() + " has not ended");
            }
            groups.computeIfAbsent(Arrays.asList(g.status().name(), g.endedAt(), g.endedBy(), g.endReason(),
                    g.revocationVerified()), k -> new ArrayList<>()).add(g.id());
        }
        return Multi.createFrom().iterable(groups.entrySet())
                .onItem().transformToUniAndConcatenate(group -> GrantRecord.update("status = ?1, endedAt = ?2, "
                                + "endedBy = ?3, endReason = ?4, revocationVerified = ?5 where id in ?6",
                        group.getKey().get(0), group.getKey().get(1), group.getKey().get(2), group.getKey().get(3),
                        group.getKey().get(4), group.getValue()))
                .collect().last().replaceWithVoid();
    }

    /**
     * A page ordered by id (time-ordered), optionally of one identity, of some entitlements (none when empty), of one
     * status and/or only break-glass grants awaiting review; read with one SQL statement, outside any Hibernate session.
     */
    public Uni<List<Grant>> list(String identity, java.util.Collection<String> entitlements, GrantStatus status,
                                 Boolean reviewPending, String cursor, int limit) {
        return listing.list(identity, entitlements, status, reviewPending, cursor, limit);
    }

    public Uni<Void> save(Grant grant) {
        return GrantRecord.<GrantRecord>findById(grant.id())
                .chain(existing -> {
                    GrantRecord record = existing != null ? existing : new GrantRecord();
                    copy(grant, record);
                    return (existing != null ? Uni.createFrom().item(record) : record.persist())
                            .chain(() -> io.quarkus.hibernate.reactive.panache.Panache.flush());
                });
    }

    static Grant toDomain(GrantRecord r) {
        return new Grant(r.id, r.requestId, r.identity, r.entitlement, r.accountId, r.roleArn, r.sessionPolicy,
                r.startsAt, r.endsAt, r.breakGlass, GrantStatus.valueOf(r.status), r.endedAt, r.endedBy, r.endReason,
                r.revocationVerified, r.reviewedAt, r.reviewedBy, r.reviewComment);
    }

    private static void copy(Grant g, GrantRecord r) {
        r.id = g.id();
        r.requestId = g.requestId();
        r.identity = g.identity();
        r.entitlement = g.entitlement();
        r.accountId = g.accountId();
        r.roleArn = g.roleArn();
        r.sessionPolicy = g.sessionPolicy();
        r.startsAt = g.startsAt();
        r.endsAt = g.endsAt();
        r.breakGlass = g.breakGlass();
        r.status = g.status().name();
        r.endedAt = g.endedAt();
        r.endedBy = g.endedBy();
        r.endReason = g.endReason();
        r.revocationVerified = g.revocationVerified();
        r.reviewedAt = g.reviewedAt();
        r.reviewedBy = g.reviewedBy();
        r.reviewComment = g.reviewComment();
    }
}
