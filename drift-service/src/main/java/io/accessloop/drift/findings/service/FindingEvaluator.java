package io.accessloop.drift.findings.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.drift.FindingOpened;
import io.accessloop.contracts.drift.FindingResolved;
import io.accessloop.drift.findings.domain.FindingStatus;
import io.accessloop.drift.findings.domain.RuleBook;
import io.accessloop.drift.findings.domain.RuleInput;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.findings.repository.Finding;
import io.accessloop.drift.inventory.domain.Attribution;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.UserCredentials;
import io.accessloop.drift.remediation.service.RemediationService;
import io.accessloop.kit.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs every rule on a resource after a change and brings its findings in line: new conditions open findings
 * ({@code FINDING_OPENED}), conditions that disappeared resolve theirs ({@code FINDING_RESOLVED}), conditions that
 * still hold keep their finding. Must run inside the transaction that stored the change.
 */
@ApplicationScoped
public class FindingEvaluator {

    private final RuleBook rules;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Timer lag;
    private final MeterRegistry registry;
    private final RemediationService remediations;

    FindingEvaluator(RuleBook rules, Outbox outbox, Clock clock, ObjectMapper mapper, MeterRegistry registry,
                     RemediationService remediations) {
        this.rules = rules;
        this.remediations = remediations;
        this.outbox = outbox;
        this.clock = clock;
        this.mapper = mapper;
        this.registry = registry;
        this.lag = Timer.builder("accessloop_drift_detection_lag_seconds")
                .description("Time from an IAM change (CloudTrail event time or Config capture time) to its finding")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Evaluates and returns how many findings were opened and resolved. */
    public Uni<Outcome> evaluate(IamSnapshot previous, IamSnapshot current, Attribution attribution, boolean managed) {
        return live(current.accountId(), current.arn())
                .chain(live -> apply(live, new Subject(current.accountId(), current.arn(), current.type().name(),
                        current.deleted(), attribution,
                        attribution.occurredAt() != null ? attribution.occurredAt() : current.capturedAt()),
                        rules.evaluate(new RuleInput(previous, current, attribution, managed, keys(live)))));
    }

    /** Evaluates the credential rules on one user of the credential report. */
    public Uni<Outcome> evaluate(UserCredentials user) {
        Instant now = clock.instant();
        return live(user.accountId(), user.arn())
                .chain(live -> apply(live, new Subject(user.accountId(), user.arn(), "USER", false,
                        Attribution.unknown(), now), rules.evaluate(user, now)));
    }

    private static Uni<List<Finding>> live(String accountId, String arn) {
        return Finding.list("accountId = ?1 and principalArn = ?2 and status <> ?3", accountId, arn,
                FindingStatus.RESOLVED.name());
    }

    /** The resource findings are about, and when the change that is being evaluated happened. */
    private record Subject(String accountId, String arn, String resourceType, boolean deleted, Attribution who,
                           Instant changedAt) {
    }

    private Uni<Outcome> apply(List<Finding> live, Subject subject, Map<String, List<Violation>> results) {
        Map<String, Finding> liveByKey = new HashMap<>();
        live.forEach(f -> liveByKey.put(f.rule + "\u0000" + f.dedupKey, f));
        Instant now = clock.instant();
        List<Supplier<Uni<?>>> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] opened = {0};
        int[] resolved = {0};
        results.forEach((rule, violations) -> {
            for (Violation v : violations) {
                String key = rule + "\u0000" + v.key();
                if (!seen.add(key)) {
                    continue;
                }
                Finding existing = liveByKey.get(key);
                if (existing != null) {
                    existing.lastSeenAt = now;
                } else {
                    opened[0]++;
                    steps.add(() -> open(rule, v, subject, now));
                }
            }
        });
        for (Finding f : live) {
            if (results.containsKey(f.rule) && !seen.contains(f.rule + "\u0000" + f.dedupKey)) {
                resolved[0]++;
                steps.add(() -> resolve(f, subject.deleted() ? "resource-deleted" : "condition-cleared", now));
            }
        }
        if (steps.isEmpty()) {
            return Uni.createFrom().item(new Outcome(0, 0));
        }
        return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(Supplier::get)
                .collect().last().replaceWith(new Outcome(opened[0], resolved[0]));
    }

    private Uni<?> open(String rule, Violation v, Subject subject, Instant now) {
        Attribution who = subject.who();
        Finding f = new Finding();
        f.id = "fnd_" + UUID.randomUUID();
        f.accountId = subject.accountId();
        f.principalArn = subject.arn();
        f.resourceType = subject.resourceType();
        f.rule = rule;
        f.dedupKey = v.key();
        var severity = rules.severity(rule);
        f.severity = severity.label();
        f.severityRank = severity.rank();
        f.status = FindingStatus.OPEN.name();
        f.summary = v.summary();
        f.evidence = json(v.evidence());
        f.changedBy = who.actorArn();
        f.sourceIdentity = who.sourceIdentity();
        f.openedAt = now;
        f.lastSeenAt = now;
        return insert(f).chain(inserted -> {
            if (!inserted) {
                // a concurrent transaction opened the same live finding first: it is published once, by that one
                return Uni.createFrom().voidItem();
            }
            if (!subject.changedAt().isAfter(now)) {
                lag.record(Duration.between(subject.changedAt(), now));
            }
            registry.counter("accessloop_findings_opened_total", "rule", rule).increment();
            return outbox.append(EventTypes.FINDING_OPENED, f.id, new FindingOpened(f.id, f.accountId, f.principalArn,
                    rule, f.severity, f.summary, f.changedBy, now)).call(() -> remediations.plan(f, v.evidence()));
        });
    }

    /*
     * At most one live finding per condition, whoever opens it (change processing, reconciliation, credential
     * reports): the partial unique index finding_live_key decides, and a loser inserts nothing instead of failing
     * its whole transaction.
     */
    private static final String INSERT = "insert into finding (id, account_id, principal_arn, resource_type, rule, "
            + "dedup_key, severity, severity_rank, status, summary, evidence, changed_by, source_identity, opened_at, "
            + "last_seen_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
            + "on conflict (rule, account_id, principal_arn, dedup_key) where status <> 'RESOLVED' do nothing";

    /** True when {@code f} went in; false when a live finding for the same condition exists. */
    private static Uni<Boolean> insert(Finding f) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, f.id)
                        .setParameter(2, f.accountId)
                        .setParameter(3, f.principalArn)
                        .setParameter(4, f.resourceType)
                        .setParameter(5, f.rule)
                        .setParameter(6, f.dedupKey)
                        .setParameter(7, f.severity)
                        .setParameter(8, f.severityRank)
                        .setParameter(9, f.status)
                        .setParameter(10, f.summary)
                        .setParameter(11, f.evidence)
                        .setParameter(12, f.changedBy)
                        .setParameter(13, f.sourceIdentity)
                        .setParameter(14, f.openedAt)
                        .setParameter(15, f.lastSeenAt)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Resolves a live finding and publishes it; also used when the condition is found gone by other means. */
    public Uni<?> resolve(Finding f, String resolution, Instant now) {
        f.status = FindingStatus.RESOLVED.name();
        f.resolution = resolution;
        f.resolvedAt = now;
        f.suppressedUntil = null;
        registry.counter("accessloop_findings_resolved_total", "rule", f.rule).increment();
        return outbox.append(EventTypes.FINDING_RESOLVED, f.id,
                new FindingResolved(f.id, f.accountId, f.principalArn, f.rule, resolution, now));
    }

    private static Map<String, Set<String>> keys(List<Finding> live) {
        Map<String, Set<String>> out = new HashMap<>();
        live.forEach(f -> out.computeIfAbsent(f.rule, r -> new HashSet<>()).add(f.dedupKey));
        return out;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write evidence", e);
        }
    }

    /** How many findings one evaluation opened and resolved. */
    public record Outcome(int opened, int resolved) {
    }
}
