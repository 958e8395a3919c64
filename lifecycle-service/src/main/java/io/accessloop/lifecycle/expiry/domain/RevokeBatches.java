package io.accessloop.lifecycle.expiry.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits claimed grants into revoke batches: one role each (the broker writes one deny policy per role and batch),
 * at most {@code maxPerBatch} grants each, every grant in exactly one batch. Roles keep the order in which their first
 * grant was claimed, and grants keep their claim order inside a role.
 */
public final class RevokeBatches {

    private RevokeBatches() {
    }

    public static List<RevokeBatch> of(List<DueGrant> claimed, int maxPerBatch) {
        if (maxPerBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one grant, got " + maxPerBatch);
        }
        Map<String, List<DueGrant>> byRole = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (DueGrant grant : claimed) {
            if (seen.add(grant.grantId())) {
                byRole.computeIfAbsent(grant.roleArn(), role -> new ArrayList<>()).add(grant);
            }
        }
        List<RevokeBatch> batches = new ArrayList<>();
        byRole.forEach((role, grants) -> {
            for (int from = 0; from < grants.size(); from += maxPerBatch) {
                batches.add(new RevokeBatch(role, List.copyOf(grants.subList(from,
                        Math.min(grants.size(), from + maxPerBatch)))));
            }
        });
        return batches;
    }

    /**
     * Grants of one role revoked by one command.
     *
     * @param roleArn the role; null for grants whose role is not known here
     * @param grants  1 to the batch limit, distinct
     */
    public record RevokeBatch(String roleArn, List<DueGrant> grants) {

        public List<String> grantIds() {
            return grants.stream().map(DueGrant::grantId).toList();
        }
    }
}
