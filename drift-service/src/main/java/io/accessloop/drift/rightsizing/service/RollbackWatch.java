package io.accessloop.drift.rightsizing.service;

import io.accessloop.drift.rightsizing.config.RightsizingSettings;
import io.accessloop.drift.rightsizing.domain.Proposal;
import io.accessloop.drift.rightsizing.domain.RollbackRule;
import io.accessloop.drift.rightsizing.repository.ProposalRepository;
import io.accessloop.drift.rightsizing.repository.UsageRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The watch after apply: a proposal whose principal hits the AccessDenied threshold in CloudTrail during the watch
 * period is rolled back automatically; one that gets through it is confirmed. Reads the refused calls the usage
 * collector stored, so it runs right after a collection.
 */
@ApplicationScoped
public class RollbackWatch {

    public static final String WATCHER = "accessloop-watch";
    private static final Logger LOG = Logger.getLogger(RollbackWatch.class);

    private final ProposalRepository proposals;
    private final UsageRepository usage;
    private final ProposalService service;
    private final UsageCollector collector;
    private final RightsizingSettings settings;
    private final Clock clock;

    RollbackWatch(ProposalRepository proposals, UsageRepository usage, ProposalService service,
                  UsageCollector collector, RightsizingSettings settings, Clock clock) {
        this.proposals = proposals;
        this.usage = usage;
        this.service = service;
        this.collector = collector;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one pass did. */
    public record Outcome(List<String> confirmed, List<String> rolledBack) {
    }

    @Scheduled(every = "${accessloop.drift.rightsizing.watch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "45s")
    Uni<Void> scheduled() {
        return collector.pollLookupEvents().onFailure().recoverWithNull().chain(() -> check())
                .onFailure().invoke(e -> LOG.warn("rollback watch failed", e)).onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Checks every applied proposal once against the refused calls stored so far. */
    public Uni<Outcome> check() {
        RollbackRule rule = new RollbackRule(settings.rollbackThreshold());
        List<String> confirmed = new java.util.ArrayList<>();
        List<String> rolledBack = new java.util.ArrayList<>();
        return Panache.withSession(() -> proposals.applied(200)).chain(applied -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Proposal p : applied) {
                chain = chain.chain(() -> checkOne(p, rule, confirmed, rolledBack));
            }
            return chain;
        }).replaceWith(() -> new Outcome(List.copyOf(confirmed), List.copyOf(rolledBack)));
    }

    private Uni<Void> checkOne(Proposal p, RollbackRule rule, List<String> confirmed, List<String> rolledBack) {
        Instant now = clock.instant();
        // CloudTrail records carry whole seconds: a refusal in the second of the apply counts
        return Panache.withSession(() -> usage.deniedSince(p.principalArn(),
                p.appliedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))).chain(denied -> {
            if (rule.triggers(denied)) {
                String reason = denied + " AccessDenied errors for " + p.principalArn() + " since apply (threshold "
                        + rule.threshold() + ")";
                LOG.warnf("rolling back %s: %s", p.id(), reason);
                return service.rollBack(p.id(), WATCHER, reason, true).invoke(done -> rolledBack.add(done.id()))
                        .replaceWithVoid();
            }
            if (!p.watching(now)) {
                return Panache.withTransaction(() -> proposals.findForUpdate(p.id()).chain(fresh -> {
                    Proposal done = fresh.confirm(now);
                    return proposals.save(done);
                })).invoke(() -> confirmed.add(p.id()));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
