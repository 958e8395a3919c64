package io.accessloop.drift.findings.service;

import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.drift.FindingOpened;
import io.accessloop.contracts.drift.FindingSuppressed;
import io.accessloop.drift.findings.config.RulesSettings;
import io.accessloop.drift.findings.domain.FindingLifecycle;
import io.accessloop.drift.findings.domain.FindingStatus;
import io.accessloop.drift.findings.repository.Finding;
import io.accessloop.kit.outbox.Outbox;
import io.accessloop.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Suppressing findings and bringing them back: a suppression needs a reason and an end; when the end passes, the
 * finding is OPEN again and announced again ({@code FINDING_OPENED} with the same id). The sweep claims rows with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas never reopen the same finding twice.
 */
@ApplicationScoped
public class SuppressionService {

    private final RulesSettings settings;
    private final Outbox outbox;
    private final Clock clock;

    SuppressionService(RulesSettings settings, Outbox outbox, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Suppresses (or extends the suppression of) a live finding and announces it ({@code FINDING_SUPPRESSED}).
     * Runs inside the caller's transaction; a refused command changes nothing and publishes nothing.
     */
    public Uni<Finding> suppress(String id, String reason, Instant until, String by) {
        return Finding.<Finding>findById(id).map(f -> {
            if (f == null) {
                throw ProblemException.notFound("Finding " + id);
            }
            try {
                FindingLifecycle.checkSuppression(FindingStatus.valueOf(f.status), reason, until, clock.instant(),
                        settings.maxSuppression());
            } catch (FindingLifecycle.FindingCommandException e) {
                throw "conflict".equals(e.kind())
                        ? ProblemException.conflict("finding-resolved", e.getMessage())
                        : ProblemException.badRequest("invalid-suppression", e.getMessage());
            }
            f.status = FindingStatus.SUPPRESSED.name();
            f.suppressionReason = reason.strip();
            f.suppressedUntil = until;
            f.suppressedBy = by;
            return f;
        }).call(f -> outbox.append(EventTypes.FINDING_SUPPRESSED, f.id, new FindingSuppressed(f.id, f.accountId,
                f.principalArn, f.rule, f.suppressionReason, f.suppressedBy, f.suppressedUntil, clock.instant())));
    }

    @Scheduled(every = "${accessloop.drift.rules.suppression-sweep-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return reopenExpired().replaceWithVoid();
    }

    /** Reopens every finding whose suppression ended; returns how many. */
    public Uni<Integer> reopenExpired() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select * from finding where status = 'SUPPRESSED' "
                                + "and suppressed_until <= ?1 order by suppressed_until limit 200 for update skip locked",
                                Finding.class)
                        .setParameter(1, now)
                        .getResultList())
                .chain(expired -> reopen(expired, now)));
    }

    private Uni<Integer> reopen(List<Finding> expired, Instant now) {
        if (expired.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(expired).onItem().transformToUniAndConcatenate(f -> {
            if (!FindingLifecycle.suppressionExpired(FindingStatus.valueOf(f.status), f.suppressedUntil, now)) {
                return Uni.createFrom().voidItem();
            }
            f.status = FindingStatus.OPEN.name();
            f.lastSeenAt = now;
            return outbox.append(EventTypes.FINDING_OPENED, f.id, new FindingOpened(f.id, f.accountId,
                    f.principalArn, f.rule, f.severity, f.summary, f.changedBy, now)).replaceWithVoid();
        }).collect().last().replaceWith(() -> (int) expired.stream()
                .filter(f -> FindingStatus.OPEN.name().equals(f.status)).count());
    }
}
