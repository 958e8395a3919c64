package io.accessloop.lifecycle.expiry.service;

import io.accessloop.contracts.access.GrantActivated;
import io.accessloop.contracts.access.GrantExtended;
import io.accessloop.lifecycle.expiry.domain.GrantState;
import io.accessloop.lifecycle.expiry.repository.ScheduledGrant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Locale;

/** Keeps each grant's end up to date from the broker's events; runs inside the inbox transaction. */
@ApplicationScoped
public class GrantTracker {

    private final Clock clock;

    GrantTracker(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> activated(GrantActivated g) {
        return Panache.getSession().chain(session -> session.find(ScheduledGrant.class, g.grantId()))
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
                    return existing == null ? grant.persist() : Uni.createFrom().item(grant);
                })
                .replaceWithVoid();
    }

    /** A new end; a grant whose revoke already went out stays revoked (the broker decides about late extensions). */
    public Uni<Void> extended(GrantExtended g) {
        return ScheduledGrant.<ScheduledGrant>findById(g.grantId()).chain(existing -> {
            if (existing == null) {
                ScheduledGrant grant = new ScheduledGrant();
                grant.grantId = g.grantId();
                grant.identity = g.identity().toLowerCase(Locale.ROOT);
                grant.endsAt = g.endsAt();
                grant.status = GrantState.ACTIVE;
                grant.updatedAt = clock.instant();
                return grant.persist().replaceWithVoid();
            }
            existing.endsAt = g.endsAt();
            existing.updatedAt = clock.instant();
            return Uni.createFrom().voidItem();
        });
    }

    /** Revoked, expired or released: nothing left to sweep. Unknown grants are remembered as ended. */
    public Uni<Void> ended(String grantId, String identity) {
        return ScheduledGrant.<ScheduledGrant>findById(grantId).chain(existing -> {
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
            return Uni.createFrom().voidItem();
        });
    }

    /** Grants of a person the broker has not yet reported ended. */
    public Uni<Long> openGrantsOf(String identity) {
        return ScheduledGrant.count("identity = ?1 and status <> ?2", identity, GrantState.ENDED);
    }
}
