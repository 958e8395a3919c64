package io.accessloop.drift.ingest.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ingestion counters, each looked up once (every push touches one): notifications accepted (by kind, and
 * whether AWS had delivered them before), valid notifications ignored, and pushes rejected (by reason).
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter ignored;
    private final Map<String, Counter> accepted = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ignored = registry.counter("accessloop_ingest_ignored_total");
    }

    public void accepted(String kind, boolean duplicate) {
        accepted.computeIfAbsent(kind + (duplicate ? ":duplicate" : ":new"), key -> registry.counter(
                "accessloop_ingest_accepted_total", "kind", kind, "duplicate", String.valueOf(duplicate))).increment();
    }

    public void ignored(int notifications) {
        ignored.increment(notifications);
    }

    /** A push refused as a whole: {@code reason} is unauthenticated, malformed, too-large, busy, sns-signature… */
    public void rejected(String reason) {
        rejected.computeIfAbsent(reason, key -> registry.counter("accessloop_ingest_rejected_total", "reason", key))
                .increment();
    }
}
