package io.accessloop.lifecycle.expiry.service;

import io.accessloop.contracts.access.GrantActivated;
import io.accessloop.contracts.access.GrantExtended;
import io.accessloop.lifecycle.expiry.domain.GrantState;
import io.accessloop.lifecycle.expiry.repository.GrantReminders;
import io.accessloop.lifecycle.expiry.repository.ScheduledGrant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.util.Locale;

/**
 * Keeps each grant's end, and the reminders before it, up to date from the broker's events; runs inside the inbox
 * transaction. The grant row is written before its reminder rows, the same order the sweeps lock them in.
 */
@ApplicationScoped
public class GrantTracker {

    private final Clock clock;
    private final GrantReminders reminders;

    GrantTracker(Clock clock, GrantReminders reminders) {
        this.clock = clock;
        this.reminders = reminders;
    }

    public Uni<Void> activated(GrantActivated g) {
        return locked(g.grantId())
                .chain(existing -> {
                    ScheduledGrant grant = existing == null ? new ScheduledGrant() : existing;
                    grant.grantId = g.grantId();
                    grant.identity = g.identity().toLowerCase(Locale.ROOT);
                    grant.entitlement = g.entitlement();
                    grant.roleArn = g.roleArn();
                    grant.endsAt = g.endsAt();
                    if (grant.status == null) {
                        grant.status = GrantState.ACTIVE;
                    }
                    grant.updatedAt = clock.instant();
                    return (existing == null ? grant.persist() : Uni.createFrom().item(grant))
                            .chain(() -> planReminders(grant));
                });
    }

    /** A new end; a grant whose revoke already went out stays revoked (the broker decides about late extensions). */
    public Uni<Void> extended(GrantExtended g) {
        return locked(g.grantId()).chain(existing -> {
            if (existing == null) {
                ScheduledGrant grant = new ScheduledGrant();
                grant.grantId = g.grantId();
                grant.identity = g.identity().toLowerCase(Locale.ROOT);
                grant.endsAt = g.endsAt();
                grant.status = GrantState.ACTIVE;
                grant.updatedAt = clock.instant();
                return grant.persist().chain(() -> planReminders(grant));
            }
            existing.endsAt = g.endsAt();
            existing.updatedAt = clock.instant();
            return planReminders(existing);
        });
    }

    /** Revoked, expired or released: nothing left to sweep. Unknown grants are remembered as ended. */
    public Uni<Void> ended(String grantId, String identity) {
        return locked(grantId).chain(existing -> {
            if (existing == null) {
                ScheduledGrant grant = new ScheduledGrant();
                grant.grantId = grantId;
                grant.identity = identity.toLowerCase(Locale.ROOT);
                grant.endsAt = clock.instant();
                grant.status = GrantState.ENDED;
                grant.updatedAt = clock.instant();
                return grant.persist().replaceWithVoid();
            }
            existing.status = GrantState.ENDED;
            existing.updatedAt = clock.instant();
            return Panache.getSession().chain(session -> session.flush())
                    .chain(() -> reminders.ended(grantId, clock.instant()));
        });
    }

    /** Grants of a person the broker has not yet reported ended. */
    public Uni<Long> openGrantsOf(String identity) {
        return ScheduledGrant.count("identity = ?1 and status <> ?2", identity, GrantState.ENDED);
    }

    /**
     * The grant row locked for this transaction: a sweep that just marked it REVOKE_SENT is waited for and seen,
     * instead of being overwritten with the stale state read before its commit.
     */
    private static Uni<ScheduledGrant> locked(String grantId) {
        return Panache.getSession().chain(session -> session.find(ScheduledGrant.class, grantId,
                LockModeType.PESSIMISTIC_WRITE));
    }

    /** Only a running grant gets reminders; the grant row is flushed first so the lock order holds. */
    private Uni<Void> planReminders(ScheduledGrant grant) {
        Uni<Void> flushed = Panache.getSession().chain(session -> session.flush());
        if (grant.status != GrantState.ACTIVE) {
            return flushed.chain(() -> reminders.cancel(grant.grantId, clock.instant()));
        }
        return flushed.chain(() -> reminders.replan(grant.grantId, grant.endsAt, clock.instant()));
    }
}
