package io.accessloop.drift.rightsizing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Why a proposal looks the way it does.
 *
 * @param exemptions action → reason it was kept although unused ({@code iam:PassRole}, pinned, younger than the window,
 *                   used at service level)
 * @param coveredFrom usage data exists from this instant on (coverage of the window drives the confidence)
 */
public record Evidence(Instant windowStart, Instant windowEnd, int windowDays, List<String> sources,
                       long observedCalls, Instant coveredFrom, List<Removal> removals, Map<String, String> exemptions,
                       List<String> notes) {
}
