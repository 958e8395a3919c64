package io.accessloop.drift.rightsizing.service;

import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.drift.RightsizingApplied;
import io.accessloop.contracts.drift.RightsizingProposed;
import io.accessloop.contracts.drift.RightsizingRolledBack;
import io.accessloop.drift.rightsizing.config.RightsizingSettings;
import io.accessloop.drift.rightsizing.domain.AccessAdvisor;
import io.accessloop.drift.rightsizing.domain.Mode;
import io.accessloop.drift.rightsizing.domain.Plan;
import io.accessloop.drift.rightsizing.domain.PlanRequest;
import io.accessloop.drift.rightsizing.domain.PolicyWriter;
import io.accessloop.drift.rightsizing.domain.PrincipalDirectory;
import io.accessloop.drift.rightsizing.domain.PrincipalPermissions;
import io.accessloop.drift.rightsizing.domain.Proposal;
import io.accessloop.drift.rightsizing.domain.ProposalIds;
import io.accessloop.drift.rightsizing.domain.ProposalPlanner;
import io.accessloop.drift.rightsizing.domain.ServiceAccess;
import io.accessloop.drift.rightsizing.repository.ProposalRepository;
import io.accessloop.drift.rightsizing.repository.SourceRepository;
import io.accessloop.drift.rightsizing.repository.UsageRepository;
import io.accessloop.kit.outbox.Outbox;
import io.accessloop.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Proposals: compute (IAM + Access Advisor + stored usage → plan), approve, reject, apply (only proven, only the
 * state it was computed from, keeping the previous version), roll back (restoring that version). Every transition
 * that other services care about goes through the outbox in the same transaction.
 */
@ApplicationScoped
public class ProposalService {

    public static final String MODE_TAG = "accessloop:rightsizing";
    public static final String PINNED_TAG = "accessloop:rightsizing-pinned";
    private static final Logger LOG = Logger.getLogger(ProposalService.class);

    private final PrincipalDirectory directory;
    private final PolicyWriter writer;
    private final AccessAdvisor advisor;
    private final ProposalRepository proposals;
    private final UsageRepository usage;
    private final SourceRepository sources;
    private final Outbox outbox;
    private final RightsizingSettings settings;
    private final Blocking blocking;
    private final Clock clock;
    private final RollbackFinding findings;

    ProposalService(PrincipalDirectory directory, PolicyWriter writer, AccessAdvisor advisor,
                    ProposalRepository proposals, UsageRepository usage, SourceRepository sources, Outbox outbox,
                    RightsizingSettings settings, Blocking blocking, Clock clock, RollbackFinding findings) {
        this.findings = findings;
        this.directory = directory;
        this.writer = writer;
        this.advisor = advisor;
        this.proposals = proposals;
        this.usage = usage;
        this.sources = sources;
        this.outbox = outbox;
        this.settings = settings;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** The computed plan, and the stored proposal when the plan changes anything. */
    public record Generated(Plan plan, Proposal proposal) {
    }

    private record Fetched(PrincipalPermissions permissions, List<ServiceAccess> advisor) {
    }

    /** Computes a proposal for a principal over the window; supersedes its open proposals. */
    public Uni<Generated> generate(String principalArn, Duration window) {
        return blocking.call(() -> {
            PrincipalPermissions p = directory.permissions(principalArn)
                    .orElseThrow(() -> ProblemException.notFound("principal " + principalArn));
            return new Fetched(p, settings.accessAdvisor() ? advisorOf(principalArn) : List.of());
        }).chain(f -> Panache.withTransaction(() -> plan(f, window)));
    }

    private List<ServiceAccess> advisorOf(String principalArn) {
        try {
            return advisor.lastAccessed(principalArn);
        } catch (RuntimeException e) {
            LOG.warnf("Access Advisor unavailable for %s: %s", principalArn, e.getMessage());
            return List.of();
        }
    }

    private Uni<Generated> plan(Fetched f, Duration window) {
        PrincipalPermissions p = f.permissions();
        Instant now = clock.instant();
        Instant start = now.minus(window);
        return usage.usedSince(p.arn(), start)
                .chain(used -> usage.lastUse(p.arn())
                        .chain(last -> sources.coveredFrom()
                                .map(covered -> ProposalPlanner.plan(new PlanRequest(p, used, last, f.advisor(),
                                        pinned(p), window, now, covered, settings.resourceLevel())))))
                .chain(plan -> {
                    if (!plan.hasChanges()) {
                        return Uni.createFrom().item(new Generated(plan, null));
                    }
                    Proposal proposal = Proposal.propose(ProposalIds.next(now), p, plan, mode(p), now);
                    return supersedeOpen(p.arn(), now, "replaced by " + proposal.id())
                            .chain(() -> proposals.save(proposal))
                            .chain(() -> outbox.append(EventTypes.RIGHTSIZING_PROPOSED, p.arn(),
                                    new RightsizingProposed(proposal.id(), proposal.accountId(), p.arn(),
                                            proposal.removedPermissions(), proposal.confidence().wire(),
                                            proposal.summary())))
                            .replaceWith(new Generated(plan, proposal));
                });
    }

    private Uni<Void> supersedeOpen(String principalArn, Instant now, String reason) {
        return proposals.openOfForUpdate(principalArn).chain(open -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Proposal old : open) {
                chain = chain.chain(() -> proposals.save(old.supersede(now, reason)));
            }
            return chain;
        });
    }

    /** The principal's mode: its {@code accessloop:rightsizing} tag, else the configured default. */
    Mode mode(PrincipalPermissions p) {
        return Mode.parse(p.tags().get(MODE_TAG))
                .or(() -> Mode.parse(settings.mode()))
                .orElse(Mode.APPROVAL);
    }

    Set<String> pinned(PrincipalPermissions p) {
        Set<String> pinned = new LinkedHashSet<>(settings.pinnedActions().orElse(List.of()));
        String tag = p.tags().get(PINNED_TAG);
        if (tag != null) {
            for (String a : tag.split("[,\\s]+")) {
                if (a.indexOf(':') > 0) {
                    pinned.add(a.trim());
                }
            }
        }
        return pinned;
    }

    public Uni<Proposal> get(String id) {
        return Panache.withSession(() -> proposals.find(id)).map(p -> require(p, id));
    }

    public Uni<Proposal> approve(String id, String by) {
        return Panache.withTransaction(() -> proposals.findForUpdate(id).chain(p -> {
            Proposal approved = require(p, id).approve(by, clock.instant());
            return proposals.save(approved).replaceWith(approved);
        }));
    }

    public Uni<Proposal> reject(String id, String by, String reason) {
        return Panache.withTransaction(() -> proposals.findForUpdate(id).chain(p -> {
            Proposal rejected = require(p, id).reject(by, clock.instant(), reason);
            return proposals.save(rejected).replaceWith(rejected);
        }));
    }

    /**
     * Applies an approved, proven proposal to IAM. Refused when the principal's permissions changed since the
     * proposal was computed (the proposal is then superseded).
     */
    public Uni<Proposal> apply(String id, String by) {
        Duration watch = settings.watchPeriod();
        return get(id).chain(p -> {
            p.apply(by, clock.instant(), watch);
            return blocking.call(() -> {
                PrincipalPermissions current = directory.permissions(p.principalArn())
                        .orElseThrow(() -> ProblemException.conflict("principal-gone",
                                "the principal no longer exists"));
                if (!current.fingerprint().equals(p.baseline().fingerprint())) {
                    return false;
                }
                writer.apply(current, p.changes());
                return true;
            });
        }).chain(applied -> applied ? Panache.withTransaction(() -> proposals.findForUpdate(id).chain(p -> {
            Instant now = clock.instant();
            Proposal done = p.apply(by, now, watch);
            return proposals.save(done)
                    .chain(() -> outbox.append(EventTypes.RIGHTSIZING_APPLIED, done.principalArn(),
                            new RightsizingApplied(done.id(), done.principalArn(), by, now)))
                    .replaceWith(done);
        })) : Panache.withTransaction(() -> proposals.findForUpdate(id).chain(p -> proposals.save(
                p.supersede(clock.instant(), "the principal's permissions changed since the proposal was computed"))))
                .chain(() -> Uni.createFrom().failure(ProblemException.conflict("permissions-changed",
                        "the principal's permissions changed since the proposal was computed; it is superseded"))));
    }

    /** Restores the permissions the proposal replaced (a person's decision). */
    public Uni<Proposal> rollBack(String id, String by, String reason) {
        return rollBack(id, by, reason, false);
    }

    /**
     * Restores the permissions the proposal replaced; an automatic rollback also opens a finding for a person
     * to look at.
     */
    public Uni<Proposal> rollBack(String id, String by, String reason, boolean automatic) {
        return get(id).chain(p -> {
            p.rollBack(by, clock.instant(), reason);
            return blocking.call(() -> {
                PrincipalPermissions current = directory.permissions(p.principalArn())
                        .orElseThrow(() -> ProblemException.conflict("principal-gone",
                                "the principal no longer exists; nothing to restore"));
                writer.restore(current, p.baseline());
                return p;
            });
        }).chain(restored -> Panache.withTransaction(() -> proposals.findForUpdate(id).chain(p -> {
            Instant now = clock.instant();
            Proposal done = p.rollBack(by, now, reason);
            Uni<?> finding = automatic ? findings.open(done, reason, now) : Uni.createFrom().voidItem();
            return proposals.save(done)
                    .chain(() -> outbox.append(EventTypes.RIGHTSIZING_ROLLEDBACK, done.principalArn(),
                            new RightsizingRolledBack(done.id(), done.principalArn(), reason, now)))
                    .chain(() -> finding)
                    .replaceWith(done);
        })));
    }

    private static Proposal require(Proposal p, String id) {
        if (p == null) {
            throw ProblemException.notFound("proposal " + id);
        }
        return p;
    }

}
