package io.accessloop.lifecycle.support;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static io.accessloop.lifecycle.support.Blocking.await;

/**
 * Runs a sweep on one replica at a time: whoever holds the named lease row ({@code sweep_lease}) runs, and gives the
 * lease back when done, failed or not. A holder that died loses the lease when it runs out.
 */
@ApplicationScoped
public class SweepLease {

    private final Clock clock;

    SweepLease(Clock clock) {
        this.clock = clock;
    }

    /**
     * Claims lease {@code name} for at most {@code length}, runs {@code work} on the calling (worker) thread and
     * releases the lease; empty, without running anything, when another holder has it.
     */
    public <T> Optional<T> runAlone(String name, Duration length, Supplier<T> work) {
        String holder = UUID.randomUUID().toString();
        if (!await(() -> claim(name, holder, clock.instant(), length))) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            await(() -> release(name, holder, clock.instant()));
        }
    }

    private static Uni<Boolean> claim(String name, String holder, Instant now, Duration length) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into sweep_lease (name, holder, until) values (?1, ?2, ?3) on conflict (name) do update "
                                + "set holder = excluded.holder, until = excluded.until where sweep_lease.until < ?4")
                .setParameter(1, name).setParameter(2, holder)
                .setParameter(3, OffsetDateTime.ofInstant(now.plus(length), ZoneOffset.UTC))
                .setParameter(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate()))
                .map(claimed -> claimed == 1);
    }

    private static Uni<Void> release(String name, String holder, Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "update sweep_lease set until = ?3 where name = ?1 and holder = ?2")
                .setParameter(1, name).setParameter(2, holder)
                .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate())).replaceWithVoid();
    }
}
