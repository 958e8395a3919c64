package io.accessloop.drift.reconcile.service;

import io.accessloop.drift.reconcile.config.ReconcileSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * A lease row that lets one replica at a time reconcile. The lease expires on its own, so a replica that dies
 * mid-run blocks the others only until then; the next run redoes whatever was left.
 */
@ApplicationScoped
public class ReconcileLease {

    private final String holder = "drift-" + UUID.randomUUID();
    private final ReconcileSettings settings;

    ReconcileLease(ReconcileSettings settings) {
        this.settings = settings;
    }

    public Uni<Boolean> acquire() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "update reconcile_lease set holder = ?1, until = now() + make_interval(secs => ?2) "
                                + "where name = 'reconcile' and (until < now() or holder = ?1)")
                .setParameter(1, holder)
                .setParameter(2, (double) settings.lease().toSeconds())
                .executeUpdate()))
                .map(updated -> updated == 1);
    }

    public Uni<Void> release() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "update reconcile_lease set holder = null, until = now() where name = 'reconcile' and holder = ?1")
                .setParameter(1, holder)
                .executeUpdate()))
                .replaceWithVoid();
    }
}
