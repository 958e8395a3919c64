package io.accessloop.drift.rightsizing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a proposal is computed from.
 *
 * @param usage          CloudTrail usage inside the window
 * @param lastUse        action → last CloudTrail use ever stored (evidence for removals)
 * @param advisor        Access Advisor per service; empty when not asked
 * @param pinned         actions (or patterns) never removed for this principal
 * @param coveredFrom    usage collection covers time from here on (null: no collection yet)
 * @param resourceLevel  narrow resources to those observed, or keep the current resources of used actions
 * @param externalSources other sources whose last-accessed details are part of {@code lastUse} (e.g.
 *                        {@code access-analyzer})
 */
public record PlanRequest(PrincipalPermissions permissions, List<UsedAction> usage, Map<String, Instant> lastUse,
                          List<ServiceAccess> advisor, Set<String> pinned, Duration window, Instant now,
                          Instant coveredFrom, boolean resourceLevel, List<String> externalSources) {

    public PlanRequest {
        externalSources = externalSources == null ? List.of() : List.copyOf(externalSources);
    }

    /** A request without other sources' last-accessed details. */
    public PlanRequest(PrincipalPermissions permissions, List<UsedAction> usage, Map<String, Instant> lastUse,
                       List<ServiceAccess> advisor, Set<String> pinned, Duration window, Instant now,
                       Instant coveredFrom, boolean resourceLevel) {
        this(permissions, usage, lastUse, advisor, pinned, window, now, coveredFrom, resourceLevel, List.of());
    }

    public Instant windowStart() {
        return now.minus(window);
    }

    public int windowDays() {
        return (int) window.toDays();
    }
}
