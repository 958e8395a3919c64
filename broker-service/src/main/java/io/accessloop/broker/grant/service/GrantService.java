package io.accessloop.broker.grant.service;

import io.accessloop.broker.catalog.domain.Entitlement;
import io.accessloop.broker.catalog.service.CatalogStore;
import io.accessloop.broker.domain.RuleViolation;
import io.accessloop.broker.grant.domain.Grant;
import io.accessloop.broker.grant.repository.GrantRepository;
import io.accessloop.broker.request.domain.AccessRequest;
import io.accessloop.broker.revocation.service.Revocations;
import io.accessloop.broker.support.Ids;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.access.BreakGlassUsed;
import io.accessloop.contracts.access.GrantActivated;
import io.accessloop.contracts.access.GrantExpired;
import io.accessloop.contracts.access.GrantExtended;
import io.accessloop.contracts.access.GrantReleased;
import io.accessloop.contracts.access.GrantRevoked;
import io.accessloop.kit.outbox.Outbox;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.kit.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grant commands. Every method runs inside the caller's transaction and writes the grant's event through the
 * outbox in it; ending a grant puts its deny in place (and verifies it) before the transaction commits.
 */
@ApplicationScoped
public class GrantService {

    private static final Logger LOG = Logger.getLogger(GrantService.class);

    private final GrantRepository grants;
    private final Revocations revocations;
    private final CatalogStore catalog;
    private final Outbox outbox;
    private final Clock clock;
    private final Timer timeToGrant;

    GrantService(GrantRepository grants, Revocations revocations, CatalogStore catalog, Outbox outbox, Clock clock,
                 MeterRegistry registry) {
        this.grants = grants;
        this.revocations = revocations;
        this.catalog = catalog;
        this.outbox = outbox;
        this.clock = clock;
        this.timeToGrant = Timer.builder("accessloop_time_to_grant_seconds")
                .description("Time from a request's submission to its grant being active")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Creates the grant of an approved request; its clock starts now. */
    public Uni<Grant> activate(AccessRequest request, Optional<String> sessionPolicy) {
        Instant now = clock.instant();
        Grant grant = Grant.activate(Ids.grant(now), request.id(), request.requester(), request.entitlement(),
                request.accountId(), request.roleArn(), sessionPolicy.orElse(null),
                Duration.ofSeconds(request.durationSeconds()), request.breakGlass(), now);
        request.grantedAs(grant.id());
        return grants.save(grant)
                .chain(() -> outbox.append(EventTypes.GRANT_ACTIVATED, grant.id(), new GrantActivated(grant.id(),
                        request.id(), grant.identity(), grant.entitlement(), grant.accountId(), grant.roleArn(),
                        grant.startsAt(), grant.endsAt(), grant.breakGlass())))
                .chain(() -> !grant.breakGlass() ? Uni.createFrom().voidItem()
                        : outbox.append(EventTypes.BREAKGLASS_USED, grant.id(), new BreakGlassUsed(grant.id(),
                                request.id(), grant.identity(), grant.entitlement(), request.reason(),
                                request.rule().approverGroups())).replaceWithVoid())
                .invoke(() -> timeToGrant.record(Duration.between(request.createdAt(), clock.instant()).abs()))
                .replaceWith(grant);
    }

    /** Applies an approved extension request to its grant. */
    public Uni<Grant> extend(AccessRequest extension, String approvedBy) {
        return grants.findForUpdate(extension.extendsGrantId()).chain(grant -> {
            Instant now = clock.instant();
            Instant previous = grant.extendTo(grant.endsAt().plusSeconds(extension.durationSeconds()), now);
            extension.grantedAs(grant.id());
            return grants.save(grant)
                    .chain(() -> outbox.append(EventTypes.GRANT_EXTENDED, grant.id(), new GrantExtended(grant.id(),
                            grant.identity(), previous, grant.endsAt(), approvedBy)))
                    .replaceWith(grant);
        });
    }

    /** A grant the caller may see: its owner, its entitlement's approvers, security, auditors and admins. */
    public Uni<Grant> visible(Caller caller, String id, boolean lock) {
        return (lock ? grants.findForUpdate(id) : grants.find(id)).map(grant -> {
            if (grant == null || !canSee(caller, grant)) {
                throw ProblemException.notFound("Grant " + id);
            }
            return grant;
        });
    }

    public boolean canSee(Caller caller, Grant grant) {
        return grant.identity().equals(caller.email()) || caller.seesEveryone() || isApprover(caller, grant);
    }

    public boolean isApprover(Caller caller, Grant grant) {
        return catalog.current().find(grant.entitlement())
                .map(e -> e.approval().isApprover(caller.groups())).orElse(false);
    }

    /** The owner hands the grant back; its sessions are denied at once. */
    public Uni<Grant> release(Caller caller, String id) {
        Instant triggered = clock.instant();
        return visible(caller, id, true).chain(grant -> {
            if (!grant.identity().equals(caller.email())) {
                throw RuleViolation.forbidden("not-owner", "only the owner releases a grant; others revoke it");
            }
            grant.release(caller.email(), clock.instant());
            return denyAndSave(grant, triggered)
                    .chain(() -> outbox.append(EventTypes.GRANT_RELEASED, grant.id(), new GrantReleased(grant.id(),
                            grant.identity(), grant.entitlement(), grant.roleArn(), grant.endedAt())))
                    .replaceWith(grant);
        });
    }

    /** Records when the latest session issued for the grant ends (a compaction spares only grants with one alive). */
    public Uni<Void> sessionIssued(String grantId, Instant expiration) {
        return grants.sessionIssued(grantId, expiration);
    }

    /** An approver of the entitlement, security or an admin ends someone's grant. */
    public Uni<Grant> revokeByPerson(Caller caller, String id, String reason) {
        Instant triggered = clock.instant();
        return visible(caller, id, true).chain(grant -> {
            boolean allowed = caller.inGroup(Caller.SECURITY) || caller.inGroup(Caller.ADMIN)
                    || isApprover(caller, grant);
            if (!allowed) {
                throw RuleViolation.forbidden("not-allowed-to-revoke", grant.identity().equals(caller.email())
                        ? "owners release their grants (POST /api/v1/grants/{id}/release)"
                        : "only the entitlement's approvers, security and admins revoke grants");
            }
            return revoke(grant, caller.email(), reason == null || reason.isBlank() ? "revoked" : reason.strip(),
                    triggered);
        });
    }

    /**
     * Ends a grant by command (lifecycle): expiry becomes EXPIRED, anything else REVOKED. No-op (null) if the grant is
     * unknown or already ended.
     */
    public Uni<Grant> endByCommand(String id, String reason, String requestedBy, Instant triggered) {
        return endAllByCommand(List.of(id), reason, requestedBy, triggered)
                .map(ended -> ended.isEmpty() ? null : ended.get(0));
    }

    /**
     * Ends those of {@code ids} still ACTIVE, by one command: reason "expired" makes them EXPIRED, anything else
     * REVOKED. Each role they are on gets one policy write and one verification, the grants one update and the events
     * one insert, whatever their number. Unknown and already ended ids are skipped; returns the grants ended.
     */
    public Uni<List<Grant>> endAllByCommand(Collection<String> ids, String reason, String requestedBy,
                                            Instant triggered) {
        return grants.activeForUpdate(ids).chain(active -> endAll(active, "expired".equalsIgnoreCase(reason),
                reason, requestedBy, null, triggered));
    }

    /**
     * Offboarding: every active grant of the person is revoked, and on each of their roles every session they
     * opened before now is denied (which also catches sessions of grants that no longer exist here).
     */
    public Uni<List<Grant>> revokeIdentity(String identity, String reason, String requestedBy, Instant triggered) {
        return grants.activeOfForUpdate(identity)
                .chain(active -> endAll(active, false, reason, requestedBy, identity, triggered));
    }

    /** Denies (per role, all roles together), then stores the ends and their events in bulk. */
    private Uni<List<Grant>> endAll(List<Grant> active, boolean expiry, String reason, String requestedBy,
                                    String identity, Instant triggered) {
        if (active.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        long started = System.nanoTime();
        Map<String, List<String>> byRole = new LinkedHashMap<>();
        active.forEach(g -> byRole.computeIfAbsent(g.roleArn(), r -> new ArrayList<>()).add(g.id()));
        List<Revocations.RoleDeny> denies = byRole.entrySet().stream()
                .map(e -> new Revocations.RoleDeny(e.getKey(), e.getValue(), identity)).toList();
        return revocations.denyAll(denies, triggered).chain(outcomes -> {
            Instant now = clock.instant();
            for (Grant grant : active) {
                if (expiry) {
                    grant.expire(requestedBy, now);
                } else {
                    grant.revoke(requestedBy, reason, now);
                }
                grant.verified(outcomes.get(grant.roleArn()).verified());
            }
            return grants.saveEnded(active)
                    .chain(() -> expiry
                            ? outbox.appendAll(EventTypes.GRANT_EXPIRED, active.stream().map(g -> new Outbox.Item<>(
                                    g.id(), new GrantExpired(g.id(), g.identity(), g.entitlement(), g.roleArn(),
                                    g.endedAt()))).toList())
                            : outbox.appendAll(EventTypes.GRANT_REVOKED, active.stream().map(g -> new Outbox.Item<>(
                                    g.id(), revokedPayload(g))).toList()))
                    .invoke(() -> LOG.infof("%d grants on %d roles %s with their denies in place in %d ms",
                            active.size(), byRole.size(), expiry ? "EXPIRED" : "REVOKED",
                            (System.nanoTime() - started) / 1_000_000))
                    .replaceWith(active);
        });
    }

    /** Closes the review of a break-glass grant (approvers of its entitlement, security, admins; never its owner). */
    public Uni<Grant> review(Caller caller, String id, String comment) {
        return visible(caller, id, true).chain(grant -> {
            boolean allowed = caller.inGroup(Caller.SECURITY) || caller.inGroup(Caller.ADMIN) || isApprover(caller, grant);
            if (!allowed && !grant.identity().equals(caller.email())) {
                throw RuleViolation.forbidden("not-a-reviewer", "only approvers, security and admins review");
            }
            grant.review(caller.email(), comment, clock.instant());
            return grants.save(grant).replaceWith(grant);
        });
    }

    private Uni<Grant> revoke(Grant grant, String by, String reason, Instant triggered) {
        grant.revoke(by, reason, clock.instant());
        return denyAndSave(grant, triggered).chain(() -> revokedEvent(grant)).replaceWith(grant);
    }

    private Uni<?> revokedEvent(Grant grant) {
        return outbox.append(EventTypes.GRANT_REVOKED, grant.id(), revokedPayload(grant));
    }

    private static GrantRevoked revokedPayload(Grant grant) {
        return new GrantRevoked(grant.id(), grant.identity(), grant.entitlement(), grant.roleArn(), grant.endedBy(),
                grant.endReason(), grant.endedAt(), Boolean.TRUE.equals(grant.revocationVerified()));
    }

    private Uni<Void> denyAndSave(Grant grant, Instant triggered) {
        return revocations.deny(grant.roleArn(), List.of(grant.id()), null, triggered)
                .chain(outcome -> {
                    grant.verified(outcome.verified());
                    return grants.save(grant);
                });
    }

    public Optional<Entitlement> entitlementOf(Grant grant) {
        return catalog.current().find(grant.entitlement());
    }
}
