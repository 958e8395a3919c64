package io.accessloop.portal.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A service's answer kept for a short time per access token: the same token means the same person with the same
 * groups, so one person's answer is never shown to another, and a refreshed token asks again. Keys are digests, so
 * no token is kept here. Failures are not kept. At most {@code maxEntries} answers are kept; when full, expired
 * answers go first, then all of them.
 */
public final class PerPersonCache<V> {

    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<String, Kept<V>> kept = new ConcurrentHashMap<>();

    public PerPersonCache(Clock clock, Duration ttl, int maxEntries) {
        if (ttl == null || ttl.isNegative()) {
            throw new IllegalArgumentException("the time to keep an answer must be zero or more, was " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("keep at least one answer, was " + maxEntries);
        }
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    /** The kept answer for this token while it is fresh, else {@code load}'s (kept unless the time to keep is 0). */
    public V get(String accessToken, Supplier<V> load) {
        if (accessToken == null || accessToken.isEmpty()) {
            throw new IllegalArgumentException("an answer is kept per signed-in person: no access token");
        }
        if (ttl.isZero()) {
            return load.get();
        }
        String key = digest(accessToken);
        Instant now = clock.instant();
        Kept<V> hit = kept.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.value();
        }
        V value = load.get();
        if (kept.size() >= maxEntries) {
            kept.values().removeIf(k -> !now.isBefore(k.until()));
            if (kept.size() >= maxEntries) {
                kept.clear();
            }
        }
        kept.put(key, new Kept<>(value, now.plus(ttl)));
        return value;
    }

    public int size() {
        return kept.size();
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Kept<V>(V value, Instant until) {
    }
}
