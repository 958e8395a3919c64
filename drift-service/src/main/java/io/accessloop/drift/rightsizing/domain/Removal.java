package io.accessloop.drift.rightsizing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Evidence for one removed permission: which policy granted it, on which resources, what of it stays, and why it
 * can go (no use in the window per the sources, at that granularity; last use ever seen, if any).
 *
 * @param granularity {@code resource}, {@code action} or {@code service}: the finest level the sources saw
 */
public record Removal(String policy, String action, List<String> resources, Set<String> keptActions,
                      List<String> sources, String granularity, Instant lastUsed) {
}
