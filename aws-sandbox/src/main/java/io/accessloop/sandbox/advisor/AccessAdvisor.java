package io.accessloop.sandbox.advisor;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IAM Access Advisor's raw data: for each IAM identity (user or role ARN), when each action was last
 * attempted, from which entity (the session or user) and in which region.
 */
public final class AccessAdvisor {

    /** The last attempt of one action by one identity. */
    public record Usage(String service, String action, Instant time, String entityArn, String region) {
    }

    private final Map<String, Map<String, Usage>> byIdentity = new ConcurrentHashMap<>();

    /** {@code action} is the IAM action ({@code s3:GetObject}). */
    public void record(String identityArn, String action, Instant time, String entityArn, String region) {
        int colon = action.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String service = action.substring(0, colon).toLowerCase();
        Usage usage = new Usage(service, action, time, entityArn, region);
        byIdentity.computeIfAbsent(identityArn, k -> new ConcurrentHashMap<>())
                .merge(action.toLowerCase(), usage, (old, now) -> now.time().isBefore(old.time()) ? old : now);
    }

    public Map<String, Usage> usageOf(String identityArn) {
        return Map.copyOf(byIdentity.getOrDefault(identityArn, Map.of()));
    }

    public void clear() {
        byIdentity.clear();
    }
}
