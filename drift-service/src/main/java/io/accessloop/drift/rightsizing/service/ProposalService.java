package io.accessloop.drift.rightsizing.service;

import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.drift.RightsizingApplied;
import io.accessloop.contracts.drift.RightsizingApproved;
import io.accessloop.contracts.drift.RightsizingRejected;
import io.accessloop.contracts.drift.RightsizingProposed;
import io.accessloop.contracts.drift.RightsizingRolledBack;
import io.accessloop.drift.rightsizing.config.RightsizingSettings;
import io.accessloop.drift.accessanalyzer.service.UnusedAccessFindings;
import io.accessloop.drift.rightsizing.domain.AccessAdvisor;
import io.accessloop.drift.rightsizing.domain.AnalyzerChecks;
import io.accessloop.drift.rightsizing.domain.AnalyzerReview;
import io.accessloop.drift.rightsizing.domain.Mode;
import io.accessloop.drift.rightsizing.domain.Plan;
import io.accessloop.drift.rightsizing.domain.PlanRequest;
import io.accessloop.drift.rightsizing.domain.PolicyChecker;
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
    private final PolicyChecker checker;
    private final UnusedAccessFindings unused;

    ProposalService(PrincipalDirectory directory, PolicyWriter writer, AccessAdvisor advisor,
                    ProposalRepository proposals, UsageRepository usage, SourceRepository sources, Outbox outbox,
                    RightsizingSettings settings, Blocking blocking, Clock clock, RollbackFinding findings,
                    PolicyChecker checker, UnusedAccessFindings unused) {
        this.findings = findings;
        this.checker = checker;
        this.unused = unused;
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

    /**
     * Computes a proposal for a principal over the window; supersedes its open proposals. The plan is computed
     * from stored usage, then checked by Access Analyzer (outside any transaction: it is a remote call), then
     * stored with its checks and its event in one transaction. Accessloop's own unused-access findings of the
     * principal follow the plan.
     */
    public Uni<Generated> generate(String principalArn, Duration window) {
        Instant now = clock.instant();
        return blocking.call(() -> {
            PrincipalPermissions p = directory.permissions(principalArn)
                    .orElseThrow(() -> ProblemException.notFound("principal " + principalArn));
            return new Fetched(p, settings.accessAdvisor() ? advisorOf(principalArn) : List.of());
        }).chain(f -> Panache.withSession(() -> plan(f, window, now)).chain(plan -> {
            if (!plan.hasChanges()) {
                return Panache.withTransaction(() -> unused.fromPlan(f.permissions(), plan, now))
                        .replaceWith(new Generated(plan, null));
            }
            return blocking.call(() -> AnalyzerReview.review(checker, f.permissions(), plan.changes(), now))
                    .chain(checks -> Panache.withTransaction(() -> store(f.permissions(), plan, checks, now)));
        }));
    }

    private List<ServiceAccess> advisorOf(String principalArn) {
        try {
            return advisor.lastAccessed(principalArn);
        } catch (RuntimeException e) {
            LOG.warnf("Access Advisor unavailable for %s: %s", principalArn, e.getMessage());
            return List.of();
        }
    }

    private Uni<Plan> plan(Fetched f, Duration window, Instant now) {
        PrincipalPermissions p = f.permissions();
        Instant start = now.minus(window);
        return usage.usedSince(p.arn(), start)
                .chain(used -> usage.lastUse(p.arn())
                        .chain(last -> usage.externalSources(p.arn()).chain(external -> sources.coveredFrom()
                                .map(covered -> ProposalPlanner.plan(new PlanRequest(p, used, last, f.advisor(),
                                        pinned(p), window, now, covered, settings.resourceLevel(), external))))));
    }

    private Uni<Generated> store(PrincipalPermissions p, Plan plan, AnalyzerChecks checks, Instant now) {
        Proposal proposal = Proposal.propose(ProposalIds.next(now), p, plan, mode(p), now, checks);
        return supersedeOpen(p.arn(), now, "replaced by " + proposal.id())
                .chain(() -> proposals.save(proposal))
                .chain(() -> outbox.append(EventTypes.RIGHTSIZING_PROPOSED, p.arn(),
                        new RightsizingProposed(proposal.id(), proposal.accountId(), p.arn(),
                                proposal.removedPermissions(), proposal.confidence().wire(), proposal.summary())))
                .chain(() -> unused.fromPlan(p, plan, now))
                .replaceWith(new Generated(plan, proposal));
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
        return approve(id, by, "");
    }

    /** Approves a proposal; the approval and its event are stored together. {@code comment} may be empty. */
    public Uni<Proposal> approve(String id, String by, String comment) {
        return Panache.withTransaction(() -> proposals.findForUpdate(id).chain(p -> {
            Instant now = clock.instant();
            Proposal approved = require(p, id).approve(by, now);
            return proposals.save(approved)
                    .chain(() -> outbox.append(EventTypes.RIGHTSIZING_APPROVED, approved.principalArn(),
                            new RightsizingApproved(approved.id(), approved.accountId(), approved.principalArn(), by,
                                    comment == null ? "" : comment, now)))
                    .replaceWith(approved);
        }));
    }

    /** Rejects a proposed or approved proposal; a reason is required. */
    public Uni<Proposal> reject(String id, String by, String reason) {
        if (reason == null || reason.isBlank()) {
            return Uni.createFrom().failure(ProblemException.invalid("a reason is required to reject a proposal",
                    List.of("reason: required")));
        }
        return Panache.withTransaction(() -> proposals.findForUpdate(id).chain(p -> {
            Instant now = clock.instant();
            Proposal rejected = require(p, id).reject(by, now, reason);
            return proposals.save(rejected)
                    .chain(() -> outbox.append(EventTypes.RIGHTSIZING_REJECTED, rejected.principalArn(),
                            new RightsizingRejected(rejected.id(), rejected.accountId(), rejected.principalArn(), by,
                                    reason, now)))
                    .replaceWith(rejected);
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
