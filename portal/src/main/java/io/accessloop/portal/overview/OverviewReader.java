package io.accessloop.portal.overview;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.portal.clients.Collected;
import io.accessloop.portal.clients.broker.BrokerClient;
import io.accessloop.portal.clients.drift.DriftClient;
import io.accessloop.portal.clients.drift.Finding;
import io.accessloop.portal.clients.lifecycle.AuditEntry;
import io.accessloop.portal.clients.lifecycle.LifecycleClient;
import io.accessloop.portal.overview.domain.ActiveGrantSeries;
import io.accessloop.portal.overview.domain.DurationStats;
import io.accessloop.portal.overview.domain.GrantChange;
import io.accessloop.portal.overview.domain.Latencies;
import io.accessloop.portal.overview.domain.Latencies.Stamp;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the overview from the services' existing lists: active grants from the broker, the window's grant and
 * request events from the audit ledger (one query per event kind), open findings from drift.
 */
@ApplicationScoped
public class OverviewReader {

    static final String SUBMITTED = "io.accessloop.access.request.submitted.v1";
    static final String ACTIVATED = "io.accessloop.access.grant.activated.v1";
    /** Kinds that end a grant, with the payload field holding the moment it was decided. */
    static final Map<String, String> ENDS = Map.of(
            "io.accessloop.access.grant.released.v1", "releasedAt",
            "io.accessloop.access.grant.revoked.v1", "revokedAt",
            "io.accessloop.access.grant.expired.v1", "expiredAt");
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    static final int SAMPLES = 25;

    private final BrokerClient broker;
    private final LifecycleClient lifecycle;
    private final DriftClient drift;

    OverviewReader(BrokerClient broker, LifecycleClient lifecycle, DriftClient drift) {
        this.broker = broker;
        this.lifecycle = lifecycle;
        this.drift = drift;
    }

    Overview read(Instant now, int days) {
        Instant from = now.minus(Duration.ofDays(days));
        int activeNow = broker.activeGrants().size();

        Collected<AuditEntry> submitted = lifecycle.ledger(SUBMITTED, from, now);
        Collected<AuditEntry> activated = lifecycle.ledger(ACTIVATED, from, now);
        boolean complete = submitted.complete() && activated.complete();
        List<GrantChange> changes = new ArrayList<>();
        activated.items().forEach(e -> changes.add(new GrantChange(e.occurredAt(), 1)));
        List<Stamp> decided = new ArrayList<>();
        List<Stamp> denied = new ArrayList<>();
        for (Map.Entry<String, String> kind : ENDS.entrySet()) {
            Collected<AuditEntry> ended = lifecycle.ledger(kind.getKey(), from, now);
            complete &= ended.complete();
            for (AuditEntry e : ended.items()) {
                changes.add(new GrantChange(e.occurredAt(), -1));
                decided.add(new Stamp(e.grantId(), instant(e.data(), kind.getValue())));
                denied.add(new Stamp(e.grantId(), e.occurredAt()));
            }
        }
        List<ActiveGrantSeries.Point> series = ActiveGrantSeries.of(activeNow, changes, from, now, SAMPLES);

        List<Stamp> asked = submitted.items().stream()
                .map(e -> new Stamp(text(e.data(), "requestId", e.subject()), e.occurredAt())).toList();
        List<Stamp> granted = activated.items().stream()
                .map(e -> new Stamp(text(e.data(), "requestId", null), e.occurredAt())).toList();
        DurationStats toGrant = DurationStats.of(Latencies.between(asked, granted));
        DurationStats toRevoke = DurationStats.of(Latencies.between(decided, denied));

        Collected<Finding> findings = drift.openFindings();
        complete &= findings.complete();
        List<BarChart.Row> severities = severities(findings.items());

        int started = activated.items().size();
        int ended = (int) changes.stream().filter(c -> c.delta() < 0).count();
        return new Overview(days, from, now, activeNow, findings.items().size(), started, ended, series,
                LineChart.of(series), toGrant, BarChart.of(rows(toGrant)), toRevoke, BarChart.of(rows(toRevoke)),
                severities, BarChart.of(severities), complete);
    }

    static List<BarChart.Row> severities(List<Finding> open) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        SEVERITIES.forEach(s -> counts.put(s, 0));
        for (Finding f : open) {
            String severity = f.severity() == null ? "unknown" : f.severity().toLowerCase(Locale.ROOT);
            counts.merge(severity, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .map(e -> new BarChart.Row(e.getKey(), e.getValue(), "sev-" + e.getKey())).toList();
    }

    private static List<BarChart.Row> rows(DurationStats stats) {
        return stats.buckets().stream().map(b -> new BarChart.Row(b.label(), b.count(), "bar-kept")).toList();
    }

    private static String text(JsonNode data, String field, String fallback) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || !value.isTextual() ? fallback : value.asText();
    }

    private static Instant instant(JsonNode data, String field) {
        String value = text(data, field, null);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
