package io.accessloop.sandbox.analyzer;

import io.accessloop.sandbox.core.Doc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings of one analyzer over time: a finding is created when unused access first appears, stays
 * {@code ACTIVE} (its details updated) while it lasts, and becomes {@code RESOLVED} when the access is used or
 * removed; it is {@code ACTIVE} again if it comes back.
 */
final class FindingLedger {

    /** One finding as the API shows it. */
    record Tracked(String id, UnusedFinding finding, String status, Instant createdAt, Instant updatedAt,
                   Instant analyzedAt) {

        Doc summary(String account) {
            return Doc.of().with("id", id).with("resource", finding.resource())
                    .with("resourceType", finding.resourceType()).with("resourceOwnerAccount", account)
                    .with("status", status).with("createdAt", createdAt).with("updatedAt", updatedAt)
                    .with("analyzedAt", analyzedAt).with("findingType", finding.findingType());
        }
    }

    private final Map<String, Tracked> byId = new LinkedHashMap<>();

    synchronized List<Tracked> refresh(String analyzerArn, List<UnusedFinding> current, Instant now) {
        Set<String> seen = new HashSet<>();
        for (UnusedFinding f : current) {
            String id = f.idFor(analyzerArn);
            seen.add(id);
            Tracked old = byId.get(id);
            if (old == null) {
                byId.put(id, new Tracked(id, f, "ACTIVE", now, now, now));
            } else {
                boolean changed = !old.status().equals("ACTIVE") || !old.finding().equals(f);
                byId.put(id, new Tracked(id, f, "ACTIVE", old.createdAt(), changed ? now : old.updatedAt(), now));
            }
        }
        for (Tracked t : new ArrayList<>(byId.values())) {
            if (!seen.contains(t.id()) && t.status().equals("ACTIVE")) {
                byId.put(t.id(), new Tracked(t.id(), t.finding(), "RESOLVED", t.createdAt(), now, now));
            }
        }
        return new ArrayList<>(byId.values());
    }
}
