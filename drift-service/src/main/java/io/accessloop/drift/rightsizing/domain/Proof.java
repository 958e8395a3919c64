package io.accessloop.drift.rightsizing.domain;

import java.time.Instant;
import java.util.List;

/**
 * The two checks that gate apply: nothing new is granted (every changed document is a subset of what it
 * replaces) and every call observed in the window, replayed through the evaluator with the proposed policies and
 * the permissions boundary, stays allowed. Also: the result fits IAM's inline-policy quota.
 */
public record Proof(boolean subsetOfCurrent, long replayedCalls, List<String> replayFailures, boolean fitsQuota,
                    Instant checkedAt) {

    public Proof {
        replayFailures = List.copyOf(replayFailures);
    }

    public boolean passed() {
        return subsetOfCurrent && replayFailures.isEmpty() && fitsQuota;
    }
}
