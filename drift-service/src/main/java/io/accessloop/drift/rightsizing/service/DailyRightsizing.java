package io.accessloop.drift.rightsizing.service;

import io.accessloop.drift.rightsizing.config.RightsizingSettings;
import io.accessloop.drift.rightsizing.domain.Mode;
import io.accessloop.drift.rightsizing.domain.PrincipalDirectory;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * The daily run: collect usage, compute a proposal for every role and user, and apply the proven ones of
 * principals in automatic mode (approved by the schedule itself) when IAM Access Analyzer's checks do not fail.
 */
@ApplicationScoped
public class DailyRightsizing {

    public static final String SCHEDULE = "accessloop-daily";
    private static final Logger LOG = Logger.getLogger(DailyRightsizing.class);

    private final PrincipalDirectory directory;
    private final ProposalService proposals;
    private final UsageCollector collector;
    private final RightsizingSettings settings;
    private final Blocking blocking;

    DailyRightsizing(PrincipalDirectory directory, ProposalService proposals, UsageCollector collector,
                     RightsizingSettings settings, Blocking blocking) {
        this.directory = directory;
        this.proposals = proposals;
        this.collector = collector;
        this.settings = settings;
        this.blocking = blocking;
    }

    /** Ids of the proposals made and of those applied automatically. */
    public record Outcome(List<String> proposed, List<String> applied) {
    }

    @Scheduled(cron = "${accessloop.drift.rightsizing.daily-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(e -> LOG.warn("daily right-sizing failed", e)).onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<Outcome> run() {
        List<String> proposed = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        return collector.collectAll().onFailure().recoverWithNull()
                .chain(() -> blocking.call(directory::principals))
                .chain(principals -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String arn : principals) {
                        chain = chain.chain(() -> one(arn, proposed, applied)
                                .onFailure().invoke(e -> LOG.warnf("right-sizing %s failed: %s", arn, e.getMessage()))
                                .onFailure().recoverWithNull().replaceWithVoid());
                    }
                    return chain;
                }).replaceWith(() -> new Outcome(List.copyOf(proposed), List.copyOf(applied)));
    }

    private Uni<Void> one(String arn, List<String> proposed, List<String> applied) {
        return proposals.generate(arn, settings.window()).chain(g -> {
            if (g.proposal() == null) {
                return Uni.createFrom().voidItem();
            }
            proposed.add(g.proposal().id());
            // a failed proof or a failed Access Analyzer check leaves the proposal for a person to look at
            if (g.proposal().mode() != Mode.AUTOMATIC || !g.proposal().applicable()) {
                return Uni.createFrom().voidItem();
            }
            return proposals.approve(g.proposal().id(), SCHEDULE, "approved by the daily run (automatic mode)")
                    .chain(p -> proposals.apply(p.id(), SCHEDULE))
                    .invoke(p -> applied.add(p.id())).replaceWithVoid();
        });
    }
}
