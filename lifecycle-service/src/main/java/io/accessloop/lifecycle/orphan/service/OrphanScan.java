package io.accessloop.lifecycle.orphan.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.identity.OrphanFound;
import io.accessloop.lifecycle.audit.service.AuditLedger;
import io.accessloop.lifecycle.audit.service.RecordedOutbox;
import io.accessloop.lifecycle.identity.domain.IdentityStatus;
import io.accessloop.lifecycle.orphan.domain.OrphanRules;
import io.accessloop.lifecycle.orphan.domain.OrphanVerdict;
import io.accessloop.lifecycle.orphan.domain.OwnedPrincipal;
import io.accessloop.lifecycle.orphan.domain.OwnerStatus;
import io.accessloop.lifecycle.orphan.domain.OwnershipIam;
import io.accessloop.lifecycle.support.SweepLease;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.accessloop.lifecycle.support.Blocking.await;

/**
 * Finds roles nobody answers for and keeps one finding per role: opened when it becomes an orphan, resolved when
 * it gets a present owner or disappears. Each opening and resolution goes into the ledger, and each new orphan is
 * published once as ORPHAN_FOUND (a rescan of a still-open finding publishes nothing).
 */
@ApplicationScoped
public class OrphanScan {

    public static final String KIND_OPENED = "io.accessloop.lifecycle.orphan.opened";
    public static final String KIND_RESOLVED = "io.accessloop.lifecycle.orphan.resolved";
    private static final Logger LOG = Logger.getLogger(OrphanScan.class);

    private final OwnershipIam iam;
    private final AuditLedger ledger;
    private final RecordedOutbox outbox;
    private final SweepLease lease;
    private final Clock clock;

    OrphanScan(OwnershipIam iam, AuditLedger ledger, RecordedOutbox outbox, SweepLease lease, Clock clock) {
        this.iam = iam;
        this.ledger = ledger;
        this.outbox = outbox;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(every = "${accessloop.lifecycle.orphans.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("orphan scan failed, the next one starts over: %s", e.getMessage());
        }
    }

    /** One scan; returns how many findings are open afterwards (-1 when another replica is scanning). */
    public long run() {
        return lease.runAlone("orphans", Duration.ofMinutes(30), () -> {
            List<OwnedPrincipal> roles = iam.roles();
            Map<String, OwnerStatus> owners = await(() -> owners(roles));
            return await(() -> record(roles, owners));
        }).orElse(-1L);
    }

    private Uni<Map<String, OwnerStatus>> owners(List<OwnedPrincipal> roles) {
        List<String> emails = roles.stream().map(OwnedPrincipal::owner).filter(o -> o != null && !o.isBlank())
                .map(o -> o.toLowerCase(Locale.ROOT)).distinct().toList();
        if (emails.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "select email, status from identity where email in (:emails)", Object[].class)
                .setParameter("emails", emails).getResultList()))
                .map(rows -> {
                    Map<String, OwnerStatus> known = new HashMap<>();
                    for (Object[] row : rows) {
                        IdentityStatus status = IdentityStatus.valueOf((String) row[1]);
                        known.put((String) row[0], status == IdentityStatus.OFFBOARDED
                                || status == IdentityStatus.OFFBOARDING ? OwnerStatus.GONE : OwnerStatus.PRESENT);
                    }
                    return known;
                });
    }

    private Uni<Long> record(List<OwnedPrincipal> roles, Map<String, OwnerStatus> owners) {
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "select principal_arn from orphan_finding where status = 'OPEN'", String.class)
                        .getResultList()
                        .map(java.util.ArrayList::new)
                        .chain(open -> Multi.createFrom().iterable(roles)
                                .onItem().transformToUniAndConcatenate(role -> {
                                    Optional<OrphanVerdict> verdict = OrphanRules.assess(role, owner ->
                                            owners.getOrDefault(owner.toLowerCase(Locale.ROOT), OwnerStatus.UNKNOWN));
                                    boolean wasOpen = open.remove(role.arn());
                                    if (verdict.isPresent() && !wasOpen) {
                                        return opened(session, role, verdict.get(), at);
                                    }
                                    if (verdict.isEmpty() && wasOpen) {
                                        return resolved(session, role.arn(), role.owner(), at);
                                    }
                                    return Uni.createFrom().voidItem();
                                })
                                .collect().asList()
                                .chain(() -> Multi.createFrom().iterable(List.copyOf(open))
                                        .onItem().transformToUniAndConcatenate(gone -> resolved(session, gone, null, at))
                                        .collect().asList()))
                        .chain(() -> session.createNativeQuery(
                                "select count(*) from orphan_finding where status = 'OPEN'", Long.class)
                                .getSingleResult())));
    }

    private Uni<Void> opened(org.hibernate.reactive.mutiny.Mutiny.Session session, OwnedPrincipal role,
                             OrphanVerdict verdict, OffsetDateTime at) {
        String id = "fnd_" + UUID.randomUUID().toString().replace("-", "");
        return session.createNativeQuery("insert into orphan_finding (principal_arn, finding_id, owner, workload, "
                        + "reason, proposed_action, status, detected_at) values (?1, ?2, ?3, ?4, ?5, ?6, 'OPEN', ?7) "
                        + "on conflict (principal_arn) do update set finding_id = excluded.finding_id, "
                        + "owner = excluded.owner, workload = excluded.workload, reason = excluded.reason, "
                        + "proposed_action = excluded.proposed_action, status = 'OPEN', "
                        + "detected_at = excluded.detected_at, resolved_at = null")
                .setParameter(1, role.arn()).setParameter(2, id).setParameter(3, role.owner())
                .setParameter(4, role.workload()).setParameter(5, verdict.reason())
                .setParameter(6, verdict.proposedAction()).setParameter(7, at)
                .executeUpdate()
                .chain(() -> ledger.action(KIND_OPENED, id, owner(role.owner()), role.arn(),
                        JsonNodeFactory.instance.objectNode().put("findingId", id).put("reason", verdict.reason())
                                .put("proposedAction", verdict.proposedAction()).put("workload", role.workload())))
                .chain(() -> outbox.publish(EventTypes.ORPHAN_FOUND, role.arn(), new OrphanFound(accountOf(role.arn()),
                        role.arn(), role.owner() == null ? "" : role.owner(), verdict.cause(),
                        verdict.proposedAction(), at.toInstant()), owner(role.owner())))
                .replaceWithVoid();
    }

    private Uni<Void> resolved(org.hibernate.reactive.mutiny.Mutiny.Session session, String arn, String owner,
                               OffsetDateTime at) {
        return session.createNativeQuery("update orphan_finding set status = 'RESOLVED', resolved_at = ?2 "
                        + "where principal_arn = ?1")
                .setParameter(1, arn).setParameter(2, at)
                .executeUpdate()
                .chain(() -> ledger.action(KIND_RESOLVED, arn, owner(owner), arn,
                        JsonNodeFactory.instance.objectNode().put("principalArn", arn)
                                .put("resolution", owner == null ? "the role is gone" : "owner " + owner + " is present")))
                .replaceWithVoid();
    }

    private static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 ? parts[4] : "";
    }

    private static String owner(String owner) {
        return owner == null || !owner.contains("@") ? null : owner.toLowerCase(Locale.ROOT);
    }
}
