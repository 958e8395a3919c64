package io.accessloop.drift.findings.service;

import io.accessloop.drift.findings.domain.FindingStatus;
import io.accessloop.drift.findings.domain.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code accessloop_findings_open{severity}}: open findings per severity, counted from the database so every replica
 * reports the same figure. Gauges are read synchronously, so the counts are refreshed on a schedule.
 */
@ApplicationScoped
public class OpenFindingsGauges {

    private final Map<Severity, AtomicLong> open = new EnumMap<>(Severity.class);

    OpenFindingsGauges(MeterRegistry registry) {
        for (Severity severity : Severity.values()) {
            AtomicLong count = new AtomicLong();
            open.put(severity, count);
            Gauge.builder("accessloop_findings_open", count, AtomicLong::get)
                    .description("Open drift findings")
                    .tag("severity", severity.label())
                    .register(registry);
        }
    }

    @Scheduled(every = "30s", delay = 5, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createSelectionQuery("select f.severity, count(f) from Finding f where f.status = :status "
                                + "group by f.severity", Object[].class)
                        .setParameter("status", FindingStatus.OPEN.name())
                        .getResultList()))
                .invoke(this::update)
                .replaceWithVoid();
    }

    private void update(List<Object[]> rows) {
        Map<Severity, Long> counted = new EnumMap<>(Severity.class);
        for (Object[] row : rows) {
            counted.put(Severity.parse((String) row[0]), (Long) row[1]);
        }
        open.forEach((severity, gauge) -> gauge.set(counted.getOrDefault(severity, 0L)));
    }

    /** The last refreshed count for one severity. */
    public long open(Severity severity) {
        return open.get(severity).get();
    }
}
