package io.accessloop.portal.overview;

import io.accessloop.portal.overview.domain.ActiveGrantSeries;
import io.accessloop.portal.overview.domain.DurationStats;

import java.time.Instant;
import java.util.List;

/**
 * Everything the overview page shows for one window: counts now, active grants over the window, time to grant and
 * time to revoke, open findings by severity. {@code complete} is false when a list was longer than the portal reads.
 */
public record Overview(int days, Instant from, Instant to, int activeGrants, int openFindings, int started,
                       int ended, List<ActiveGrantSeries.Point> series, LineChart seriesChart,
                       DurationStats timeToGrant, BarChart timeToGrantChart, DurationStats timeToRevoke,
                       BarChart timeToRevokeChart, List<BarChart.Row> severities, BarChart severityChart,
                       boolean complete) {

    /** The most grants active at once among the series' points. */
    public int peak() {
        return series.stream().mapToInt(ActiveGrantSeries.Point::active).max().orElse(0);
    }

    public String human(java.time.Duration d) {
        return DurationStats.human(d);
    }
}
