package io.accessloop.drift.accessanalyzer.service;

import io.accessloop.drift.accessanalyzer.domain.Observation;
import io.accessloop.drift.accessanalyzer.domain.UnusedAccessFinding;
import io.accessloop.drift.accessanalyzer.domain.UnusedAccessRules;
import io.accessloop.drift.accessanalyzer.domain.UnusedAccessSource;
import io.accessloop.drift.accessanalyzer.domain.UnusedAccessType;
import io.accessloop.drift.rightsizing.repository.SourceRepository;
import io.accessloop.drift.rightsizing.repository.SourceState;
import io.accessloop.drift.rightsizing.repository.UsageRepository;
import io.accessloop.drift.rightsizing.service.Blocking;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the account's IAM Access Analyzer unused-access findings and merges them: last-accessed details of unused
 * permissions into the usage store (evidence for right-sizing), every finding into drift's findings (one finding
 * per condition, with its sources). One replica at a time: the run holds the {@value #SOURCE} row of the usage
 * sources with {@code FOR UPDATE SKIP LOCKED}; a replica that finds it held skips the run.
 */
@ApplicationScoped
public class UnusedAccessSync {

    public static final String SOURCE = "access-analyzer";
    private static final Logger LOG = Logger.getLogger(UnusedAccessSync.class);

    private final UnusedAccessSource analyzer;
    private final UnusedAccessFindings findings;
    private final UsageRepository usage;
    private final SourceRepository sources;
    private final Blocking blocking;
    private final Clock clock;

    UnusedAccessSync(UnusedAccessSource analyzer, UnusedAccessFindings findings, UsageRepository usage,
                     SourceRepository sources, Blocking blocking, Clock clock) {
        this.analyzer = analyzer;
        this.findings = findings;
        this.usage = usage;
        this.sources = sources;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** What one run did; {@code skipped} when another replica held the run. */
    public record Outcome(boolean skipped, int analyzers, int analyzerFindings, UnusedAccessFindings.Outcome merged) {
    }

    private record Fetched(List<String> analyzers, List<Observation> observations,
                           Map<String, Map<String, Instant>> lastAccessed) {
    }

    @Scheduled(every = "${accessloop.drift.access-analyzer.sync-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "60s")
    Uni<Void> scheduled() {
        return sync().onFailure().invoke(e -> LOG.warnf("Access Analyzer sync failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Outcome> sync() {
        return Panache.withTransaction(() -> sources.claim(SOURCE).chain(state -> {
            if (state == null) {
                return Uni.createFrom().item(new Outcome(true, 0, 0, null));
            }
            Instant now = clock.instant();
            return blocking.call(this::fetch).chain(f -> storeLastAccessed(f, now)
                    .chain(() -> findings.fromAnalyzer(f.observations(), now))
                    .call(() -> sources.save(new SourceState(SOURCE, now, Set.of(), state.coveredFrom()), now))
                    .map(merged -> new Outcome(false, f.analyzers().size(), f.observations().size(), merged)));
        }));
    }

    private Fetched fetch() {
        List<String> analyzers = analyzer.unusedAccessAnalyzers();
        List<Observation> observations = new ArrayList<>();
        Map<String, Map<String, Instant>> lastAccessed = new LinkedHashMap<>();
        for (String arn : analyzers) {
            for (UnusedAccessFinding f : analyzer.activeFindings(arn)) {
                int slot = f.type() == UnusedAccessType.UNUSED_ACCESS_KEY && f.accessKeyId() != null
                        ? analyzer.accessKeySlot(f.resourceArn(), f.accessKeyId()) : 0;
                observations.add(UnusedAccessRules.fromAnalyzer(f, slot));
                if (f.type() == UnusedAccessType.UNUSED_PERMISSION) {
                    UnusedAccessRules.lastAccessed(f).forEach((action, at) -> lastAccessed
                            .computeIfAbsent(f.resourceArn(), k -> new LinkedHashMap<>())
                            .merge(action, at, (a, b) -> a.isAfter(b) ? a : b));
                }
            }
        }
        return new Fetched(analyzers, observations, lastAccessed);
    }

    private Uni<Void> storeLastAccessed(Fetched f, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, Map<String, Instant>> e : f.lastAccessed().entrySet()) {
            chain = chain.chain(() -> usage.addExternalLastAccess(e.getKey(), UnusedAccessRules.SOURCE_ANALYZER,
                    e.getValue(), now));
        }
        return chain;
    }
}
