package io.accessloop.drift.inventory.service;

import io.accessloop.drift.inventory.domain.ResourceKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serialises, across transactions and replicas, everything that records a resource's state or a call on it: one
 * transaction-scoped advisory lock per account and resource key (type and name, the key calls and configuration
 * items are joined on). A lock on the {@code iam_resource} row would not do: a resource seen for the first time has
 * no row yet, and a CloudTrail call must wait for a concurrent change of its resource (and the other way round) or
 * neither sees the other and the change stays unattributed. Held until commit or rollback; taken before the first
 * read of the resource, so every read after it sees what the previous holder committed (read committed). A hash
 * collision only makes two resources wait for each other.
 */
@ApplicationScoped
public class ResourceLock {

    /** The text whose 64-bit hash names the lock of a resource ({@code hashtextextended(text, 0)}). */
    public static String lockName(String accountId, ResourceKey key) {
        return accountId + "|" + key;
    }

    /** Waits for the resource's lock and holds it until the current transaction ends. */
    public Uni<Void> hold(String accountId, ResourceKey key) {
        // run as a statement, not as a select: Hibernate caches a plan per native select under a key that did not
        // match the next call's (same hash), so every lock added an entry to one ever longer bucket of that cache,
        // the hottest frame in a profile of a burst
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                        .setParameter(1, lockName(accountId, key))
                        .executeUpdate())
                .replaceWithVoid();
    }
}
