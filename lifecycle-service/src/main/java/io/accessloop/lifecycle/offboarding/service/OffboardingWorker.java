package io.accessloop.lifecycle.offboarding.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.command.RevokeIdentity;
import io.accessloop.contracts.identity.IdentityOffboarded;
import io.accessloop.lifecycle.audit.service.AuditLedger;
import io.accessloop.lifecycle.audit.service.RecordedOutbox;
import io.accessloop.lifecycle.config.LifecycleSettings;
import io.accessloop.lifecycle.expiry.service.GrantTracker;
import io.accessloop.lifecycle.identity.domain.IdentityStatus;
import io.accessloop.lifecycle.identity.service.Identities;
import io.accessloop.lifecycle.offboarding.domain.CaseState;
import io.accessloop.lifecycle.offboarding.domain.CaseStatus;
import io.accessloop.lifecycle.offboarding.domain.CaseTransitions;
import io.accessloop.lifecycle.offboarding.domain.PersonIam;
import io.accessloop.lifecycle.offboarding.domain.SagaStep;
import io.accessloop.lifecycle.offboarding.domain.UserChange;
import io.accessloop.lifecycle.offboarding.repository.CleanupPlans;
import io.accessloop.lifecycle.offboarding.repository.OffboardingCase;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.accessloop.lifecycle.support.Blocking.await;

/**
 * Drives offboarding sagas. A worker claims a due case ({@code FOR UPDATE SKIP LOCKED}) under a lease, runs its
 * next step (IAM calls outside any transaction), then commits the step's effects, the new state and the ledger entry
 * in one transaction. A crash anywhere leaves the case at the first step not committed; once the lease runs out,
 * any replica resumes it there. Steps are idempotent, so a step interrupted after its side effects is simply redone.
 */
@ApplicationScoped
public class OffboardingWorker {

    public static final String KIND_STEP_DONE = "io.accessloop.lifecycle.offboarding.step-completed";
    public static final String KIND_STEP_FAILED = "io.accessloop.lifecycle.offboarding.step-failed";
    public static final String KIND_CLAIMED = "io.accessloop.lifecycle.offboarding.case-claimed";
    private static final Logger LOG = Logger.getLogger(OffboardingWorker.class);
    private static final int CASES_PER_PASS = 20;

    private final PersonIam iam;
    private final RecordedOutbox outbox;
    private final IamUserEvents userEvents;
    private final AuditLedger ledger;
    private final Identities identities;
    private final GrantTracker grants;
    private final CleanupPlans plans;
    private final Clock clock;
    private final LifecycleSettings.Offboarding settings;
    private final AtomicBoolean passRunning = new AtomicBoolean();
    private final AtomicBoolean passWanted = new AtomicBoolean();

    OffboardingWorker(PersonIam iam, RecordedOutbox outbox, IamUserEvents userEvents, AuditLedger ledger,
                      Identities identities, GrantTracker grants, CleanupPlans plans, Clock clock,
                      LifecycleSettings settings) {
        this.iam = iam;
        this.outbox = outbox;
        this.userEvents = userEvents;
        this.ledger = ledger;
        this.identities = identities;
        this.grants = grants;
        this.plans = plans;
        this.clock = clock;
        this.settings = settings.offboarding();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        pass();
    }

    /**
     * Runs a pass now on a worker thread instead of at the next tick: a case was just opened, and waiting up to a
     * second for the scheduler would delay its revoke command. Safe at any time (claims skip locked cases).
     */
    public void nudge() {
        Infrastructure.getDefaultWorkerPool().execute(this::pass);
    }

    /**
     * One pass at a time on this replica: a pass asked for while one runs (a nudge, a tick) makes the running one
     * go round once more, so no request is lost and no two passes of one replica compete for the same cases.
     */
    void pass() {
        passWanted.set(true);
        while (passWanted.get() && passRunning.compareAndSet(false, true)) {
            try {
                passWanted.set(false);
                claimAndDrive();
            } finally {
                passRunning.set(false);
            }
        }
    }

    private void claimAndDrive() {
        for (int i = 0; i < CASES_PER_PASS; i++) {
            Optional<CaseClaim> claim;
            try {
                claim = await(this::claim);
            } catch (RuntimeException e) {
                LOG.warnf("could not claim an offboarding case: %s", e.getMessage());
                return;
            }
            if (claim.isEmpty()) {
                return;
            }
            drive(claim.get());
        }
    }

    private void drive(CaseClaim claim) {
        SagaStep step = claim.nextStep();
        while (step != SagaStep.DONE) {
            StepOutcome outcome;
            try {
                outcome = execute(step, claim);
            } catch (RuntimeException e) {
                LOG.warnf("offboarding %s: step %s failed, will retry: %s", claim.caseId(), step, e.getMessage());
                SagaStep failed = step;
                await(() -> fail(claim, failed, e));
                return;
            }
            SagaStep done = step;
            Optional<SagaStep> next = await(() -> commit(claim, done, outcome));
            if (next.isEmpty()) {
                return;
            }
            step = next.get();
        }
    }

    /** The part of a step that talks to AWS; no transaction is open while it runs. */
    private StepOutcome execute(SagaStep step, CaseClaim claim) {
        Instant now = clock.instant();
        return switch (step) {
            case CLEAN_IAM_USERS -> {
                List<String> users = iam.usersOf(claim.identity());
                List<UserChange> planned = plannedCleanup(claim, users, now);
                List<UserChange> done = new ArrayList<>();
                for (String user : users) {
                    done.addAll(iam.removeUser(user, keepUsers(), now));
                }
                // what an earlier, interrupted run of this step did is in its plan, even if nothing is left now
                List<UserChange> all = UserChange.union(planned, done);
                yield StepOutcome.ofChanges(all, all.isEmpty() ? List.of("no IAM user belongs to " + claim.identity())
                        : UserChange.descriptions(all));
            }
            case FLAG_OWNED_ROLES -> {
                List<String> done = new ArrayList<>();
                for (String role : iam.rolesOwnedBy(claim.identity())) {
                    done.addAll(iam.flagOwnedRole(role, now));
                }
                yield StepOutcome.of(done.isEmpty() ? List.of("no role is owned by " + claim.identity()) : done);
            }
            case VERIFY -> new StepOutcome(List.of(), iam.remainingReferences(claim.identity(), keepUsers()));
            default -> StepOutcome.of(List.of());
        };
    }

    /**
     * The clean-up this step makes, recorded before its first IAM write: the plan an interrupted earlier run left,
     * or a new one read from IAM now. Every planned change is published when the step commits, so a run that dies
     * after its IAM calls and before its commit loses no IAM_USER_ACTIONED event.
     */
    private List<UserChange> plannedCleanup(CaseClaim claim, List<String> users, Instant now) {
        Optional<List<UserChange>> earlier = await(() -> Panache.withTransaction(() -> plans.find(claim.caseId())));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<UserChange> plan = new ArrayList<>();
        for (String user : users) {
            plan.addAll(iam.planRemoval(user, keepUsers()));
        }
        boolean recorded = await(() -> Panache.withTransaction(() -> locked(claim).chain(c -> c == null
                ? Uni.createFrom().item(false)
                : plans.save(claim.caseId(), plan, now).chain(() -> plans.find(claim.caseId())).map(Optional::isPresent))));
        if (!recorded) {
            throw new IllegalStateException("the case's lease was lost before its IAM clean-up started");
        }
        return plan;
    }

    private Uni<Optional<CaseClaim>> claim() {
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        String owner = UUID.randomUUID().toString();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select id from offboarding_case "
                                        + "where status <> 'CLOSED' and (lease_until is null or lease_until < ?1) "
                                        + "and (status in ('RECEIVED', 'RUNNING', 'VERIFIED') or next_attempt_at <= ?1) "
                                        + "order by created_at limit 1 for update skip locked", String.class)
                        .setParameter(1, at)
                        .getResultList())
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(Optional.<CaseClaim>empty())
                        : OffboardingCase.<OffboardingCase>findById(ids.get(0)).chain(c -> {
                            CaseStatus from = c.status;
                            c.apply(CaseTransitions.start(c.state(), now), now);
                            c.leaseOwner = owner;
                            c.leaseUntil = now.plus(settings.lease());
                            ObjectNode data = JsonNodeFactory.instance.objectNode().put("caseId", c.id)
                                    .put("from", from.name()).put("nextStep", c.nextStep.name());
                            return ledger.action(KIND_CLAIMED, c.id, c.identity, null, data)
                                    .replaceWith(Optional.of(new CaseClaim(c.id, c.identity, c.employeeId,
                                            c.effectiveAt, c.nextStep, owner)));
                        })));
    }

    /** Commits a finished step; returns the next step to run, or empty when this worker stops here. */
    private Uni<Optional<SagaStep>> commit(CaseClaim claim, SagaStep step, StepOutcome outcome) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> locked(claim).chain(c -> {
            if (c == null || c.nextStep != step) {
                return Uni.createFrom().item(Optional.<SagaStep>empty());
            }
            return effects(c, step, outcome).chain(result -> result.remaining().isEmpty()
                    ? completed(c, step, result.detail(), now)
                    : verificationFailed(c, result.remaining(), now));
        }));
    }

    /** The transactional part of a step: commands, events, state, and what is still left after verification. */
    private Uni<StepOutcome> effects(OffboardingCase c, SagaStep step, StepOutcome outcome) {
        return switch (step) {
            case REVOKE_ACCESS -> outbox.publish(EventTypes.REVOKE_IDENTITY, c.identity,
                            new RevokeIdentity(c.identity, "offboarding", "lifecycle-service", c.id))
                    .chain(() -> identities.update(c.identity, c.employeeId, null, IdentityStatus.OFFBOARDING))
                    .replaceWith(StepOutcome.of(List.of("asked the broker to revoke every grant and live session of "
                            + c.identity + " and cancel their pending requests")));
            case VERIFY -> grants.openGrantsOf(c.identity).map(open -> {
                List<String> remaining = new ArrayList<>(outcome.remaining());
                if (open > 0) {
                    remaining.add(open + " grant(s) of " + c.identity + " not yet reported ended by the broker");
                }
                return new StepOutcome(List.of("verification scan found nothing referencing " + c.identity),
                        remaining);
            });
            case CLEAN_IAM_USERS -> userEvents.publish(outcome.changes(), "offboarding case " + c.id + " of "
                    + c.identity, c.identity, clock.instant()).chain(() -> plans.drop(c.id)).replaceWith(outcome);
            case CLOSE -> outbox.publish(EventTypes.OFFBOARDED, c.identity,
                            new IdentityOffboarded(c.id, c.identity, c.employeeId, c.effectiveAt))
                    .chain(() -> identities.update(c.identity, c.employeeId, null, IdentityStatus.OFFBOARDED))
                    .replaceWith(StepOutcome.of(List.of("published " + c.identity + " as offboarded; case closed")));
            default -> Uni.createFrom().item(outcome);
        };
    }

    private Uni<Optional<SagaStep>> completed(OffboardingCase c, SagaStep step, List<String> detail, Instant now) {
        c.apply(CaseTransitions.completed(c.state(), step), now);
        c.steps = CaseLog.append(c.steps, step, now, detail);
        c.lastError = null;
        c.leaseUntil = c.status == CaseStatus.CLOSED ? null : now.plus(settings.lease());
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("caseId", c.id).put("step", step.name())
                .put("status", c.status.name());
        detail.forEach(data.putArray("detail")::add);
        return ledger.action(KIND_STEP_DONE, c.id, c.identity, null, data)
                .replaceWith(c.nextStep == SagaStep.DONE ? Optional.<SagaStep>empty() : Optional.of(c.nextStep));
    }

    private Uni<Optional<SagaStep>> verificationFailed(OffboardingCase c, List<String> remaining, Instant now) {
        c.apply(CaseTransitions.verificationFailed(c.state(), now, settings.retryDelay(), settings.maxRetryDelay()), now);
        c.lastError = truncate("verification found: " + String.join("; ", remaining));
        c.leaseOwner = null;
        c.leaseUntil = null;
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("caseId", c.id).put("step", SagaStep.VERIFY.name());
        remaining.forEach(data.putArray("remaining")::add);
        return ledger.action(KIND_STEP_FAILED, c.id, c.identity, null, data).replaceWith(Optional.<SagaStep>empty());
    }

    private Uni<Void> fail(CaseClaim claim, SagaStep step, RuntimeException error) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> locked(claim).chain(c -> {
            if (c == null || c.nextStep != step) {
                return Uni.createFrom().voidItem();
            }
            c.apply(CaseTransitions.failed(c.state(), now, settings.retryDelay(), settings.maxRetryDelay()), now);
            c.lastError = truncate(step + ": " + error.getClass().getSimpleName() + ": " + error.getMessage());
            c.leaseOwner = null;
            c.leaseUntil = null;
            ObjectNode data = JsonNodeFactory.instance.objectNode().put("caseId", c.id).put("step", step.name())
                    .put("error", c.lastError).put("attempts", c.attempts);
            return ledger.action(KIND_STEP_FAILED, c.id, c.identity, null, data).replaceWithVoid();
        }));
    }

    /** The case row locked for this transaction, or null when this worker no longer holds its lease. */
    private Uni<OffboardingCase> locked(CaseClaim claim) {
        return Panache.getSession()
                .chain(session -> session.find(OffboardingCase.class, claim.caseId(), LockModeType.PESSIMISTIC_WRITE))
                .map(c -> c != null && claim.leaseOwner().equals(c.leaseOwner) ? c : null);
    }

    private boolean keepUsers() {
        return "tag".equalsIgnoreCase(settings.userDisposition());
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
