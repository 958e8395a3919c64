package io.accessloop.lifecycle.inactive.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A named lease row: whoever holds it runs the sweep; a holder that died loses it when it runs out. */
@ApplicationScoped
public class SweepLease {

    public Uni<Boolean> claim(String name, String holder, Instant now, Duration length) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into sweep_lease (name, holder, until) values (?1, ?2, ?3) on conflict (name) do update "
                                + "set holder = excluded.holder, until = excluded.until where sweep_lease.until < ?4")
                .setParameter(1, name).setParameter(2, holder)
                .setParameter(3, OffsetDateTime.ofInstant(now.plus(length), ZoneOffset.UTC))
                .setParameter(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate()))
                .map(claimed -> claimed == 1);
    }

    public Uni<Void> release(String name, String holder, Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "update sweep_lease set until = ?3 where name = ?1 and holder = ?2")
                .setParameter(1, name).setParameter(2, holder)
                .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate())).replaceWithVoid();
    }
}
