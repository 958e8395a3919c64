package io.accessloop.drift.remediation.service;

import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.drift.RemediationApplied;
import io.accessloop.drift.findings.domain.FindingStatus;
import io.accessloop.drift.findings.repository.Finding;
import io.accessloop.drift.remediation.config.RemediationSettings;
import io.accessloop.drift.remediation.domain.RemediationAction;
import io.accessloop.drift.remediation.domain.RemediationPolicy;
import io.accessloop.drift.remediation.domain.RemediationResult;
import io.accessloop.drift.remediation.domain.Remediator;
import io.accessloop.drift.remediation.repository.Remediation;
import io.accessloop.kit.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Automatic remediation: a finding whose rule has remediation switched on gets a {@code PENDING} row in the
 * transaction that opens it; a sweep claims due rows ({@code FOR UPDATE SKIP LOCKED}, claim expires so another
 * replica retries a dead one's work), carries the action out in AWS, records the outcome and publishes
 * {@code REMEDIATION_APPLIED}. The finding itself is never changed here: it resolves once the undone state is
 * observed, and stays open if the remediation fails.
 */
@ApplicationScoped
public class RemediationService {

    private static final Logger LOG = Logger.getLogger(RemediationService.class);
    private static final int BATCH = 20;

    private final RemediationPolicy policy;
    private final Remediator remediator;
    private final RemediationSettings settings;
    private final Outbox outbox;
    private final Vertx vertx;
    private final Clock clock;
    private final MeterRegistry registry;

    RemediationService(RemediationPolicy policy, Remediator remediator, RemediationSettings settings, Outbox outbox,
                       Vertx vertx, Clock clock, MeterRegistry registry) {
        this.policy = policy;
        this.remediator = remediator;
        this.settings = settings;
        this.outbox = outbox;
        this.vertx = vertx;
        this.clock = clock;
        this.registry = registry;
    }

    /** Schedules the finding's remediation when its rule has one switched on. Runs in the finding's transaction. */
    public Uni<Void> plan(Finding finding, Map<String, Object> evidence) {
        return policy.plan(finding.rule, finding.dedupKey, finding.resourceType, finding.principalArn, evidence)
                .map(action -> {
                    Remediation r = new Remediation();
                    r.id = "rem_" + UUID.randomUUID();
                    r.findingId = finding.id;
                    r.accountId = finding.accountId;
                    r.principalArn = finding.principalArn;
                    r.rule = finding.rule;
                    r.kind = action.kind();
                    r.target = action.target();
                    r.action = action.describe();
                    r.status = "PENDING";
                    r.attempts = 0;
                    r.createdAt = clock.instant();
                    r.dueAt = r.createdAt;
                    return r.persist().replaceWithVoid();
                })
                .orElse(Uni.createFrom().voidItem());
    }

    @Scheduled(every = "${accessloop.drift.remediation.every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return runDue().onFailure().invoke(e -> LOG.warnf("remediation sweep failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Carries out every due remediation this replica can claim; returns how many it finished. */
    public Uni<Integer> runDue() {
        return claim().chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(claimed).onItem().transformToUniAndConcatenate(this::carryOut)
                        .collect().asList().map(List::size));
    }

    private Uni<List<Claimed>> claim() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select * from remediation where status in "
                                + "('PENDING', 'RUNNING') and due_at <= ?1 order by due_at limit " + BATCH
                                + " for update skip locked", Remediation.class)
                        .setParameter(1, now)
                        .getResultList())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(List.<Claimed>of())
                        : Finding.<Finding>list("id in ?1", rows.stream().map(r -> r.findingId).toList())
                        .map(findings -> rows.stream().map(r -> {
                            r.status = "RUNNING";
                            r.attempts++;
                            r.dueAt = now.plus(settings.claim());
                            String findingStatus = findings.stream().filter(f -> f.id.equals(r.findingId))
                                    .map(f -> f.status).findFirst().orElse(FindingStatus.RESOLVED.name());
                            return new Claimed(r.id, r.attempts, r.accountId,
                                    RemediationAction.parse(r.kind, r.target), findingStatus);
                        }).toList())));
    }

    /** A claimed row: which attempt this replica holds, and the finding's status when it was claimed. */
    private record Claimed(String id, int attempt, String accountId, RemediationAction action, String findingStatus) {
    }

    private Uni<Void> carryOut(Claimed claimed) {
        if (FindingStatus.SUPPRESSED.name().equals(claimed.findingStatus())) {
            return finish(claimed, RemediationResult.notNeeded("the finding is suppressed"), null);
        }
        return vertx.executeBlocking(() -> remediator.apply(claimed.accountId(), claimed.action()))
                .chain(result -> finish(claimed, result, null))
                .onFailure().recoverWithUni(e -> finish(claimed, null, e));
    }

    private Uni<Void> finish(Claimed claimed, RemediationResult result, Throwable failure) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Remediation.<Remediation>findById(claimed.id()).chain(r -> {
            if (r == null || !"RUNNING".equals(r.status) || r.attempts != claimed.attempt()) {
                return Uni.createFrom().voidItem(); // another replica took it over after our claim ran out
            }
            if (failure != null && r.attempts < settings.maxAttempts()) {
                LOG.warnf("remediation %s (%s) failed, will retry: %s", r.id, r.action, failure.getMessage());
                r.status = "PENDING";
                r.outcome = "failed: " + reason(failure) + " (attempt " + r.attempts + " of "
                        + settings.maxAttempts() + ", will retry)";
                r.dueAt = now.plus(settings.retryAfter());
                return Uni.createFrom().voidItem();
            }
            r.status = failure == null ? "SUCCEEDED" : "FAILED";
            r.outcome = failure == null ? result.outcome() : "failed: " + reason(failure);
            r.finishedAt = now;
            registry.counter("accessloop_remediations_total", "rule", r.rule,
                    "outcome", failure == null ? "succeeded" : "failed").increment();
            return outbox.append(EventTypes.REMEDIATION_APPLIED, r.findingId, new RemediationApplied(r.findingId,
                    r.accountId, r.principalArn, r.rule, r.action, r.outcome, now)).replaceWithVoid();
        }));
    }

    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
