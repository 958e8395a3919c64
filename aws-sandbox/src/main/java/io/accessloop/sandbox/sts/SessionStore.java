package io.accessloop.sandbox.sts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every temporary credential STS issued, by access key id. Expired sessions stay known for a day (so callers
 * get ExpiredToken rather than InvalidClientTokenId) and are then pruned.
 */
public final class SessionStore {

    private static final Duration RETENTION = Duration.ofDays(1);
    private static final int PRUNE_EVERY = 10_000;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger sincePrune = new AtomicInteger();

    public void add(Session session, Instant now) {
        sessions.put(session.key().accessKeyId(), session);
        if (sincePrune.incrementAndGet() >= PRUNE_EVERY) {
            sincePrune.set(0);
            Instant horizon = now.minus(RETENTION);
            sessions.values().removeIf(s -> s.key().expiration().isBefore(horizon));
        }
    }

    public Session find(String accessKeyId) {
        return sessions.get(accessKeyId);
    }

    public int size() {
        return sessions.size();
    }

    public void clear() {
        sessions.clear();
    }
}
