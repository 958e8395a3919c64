package io.accessloop.drift.reconcile.service;

import io.accessloop.drift.findings.service.FindingEvaluator;
import io.accessloop.drift.inventory.domain.CredentialReport;
import io.accessloop.drift.inventory.domain.CredentialReportParser;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.ResourceType;
import io.accessloop.drift.inventory.repository.IamResource;
import io.accessloop.drift.inventory.service.InventoryService;
import io.accessloop.drift.inventory.service.Recorded;
import io.accessloop.drift.reconcile.repository.ReconcileRun;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compares the inventory with what AWS holds now and records every difference the push stream missed: changed and
 * new resources, and resources deleted since. Each resource is recorded in its own transaction, so a run
 * interrupted halfway keeps its progress; stale items never roll the inventory back.
 */
@ApplicationScoped
public class ReconcileService {

    private static final Logger LOG = Logger.getLogger(ReconcileService.class);

    private final SnapshotSource source;
    private final InventoryService inventory;
    private final FindingEvaluator findings;
    private final ReconcileLease lease;
    private final Vertx vertx;
    private final Clock clock;
    private final MeterRegistry registry;
    private final CredentialReport credentialReport;

    ReconcileService(SnapshotSource source, InventoryService inventory, FindingEvaluator findings, ReconcileLease lease,
                     Vertx vertx, Clock clock, MeterRegistry registry, CredentialReport credentialReport) {
        this.credentialReport = credentialReport;
        this.source = source;
        this.inventory = inventory;
        this.findings = findings;
        this.lease = lease;
        this.vertx = vertx;
        this.clock = clock;
        this.registry = registry;
    }

    /** Runs one reconciliation under the lease; empty when another replica holds it. */
    public Uni<ReconcileRun> run(String trigger, String requestedBy) {
        return lease.acquire().chain(held -> {
            if (!held) {
                return Uni.createFrom().nullItem();
            }
            return start(trigger, requestedBy)
                    .chain(run -> sweep(run)
                            .onFailure().recoverWithUni(e -> finish(run, "FAILED", 0, 0, e.getMessage())))
                    .eventually(lease::release);
        });
    }

    private Uni<ReconcileRun> start(String trigger, String requestedBy) {
        ReconcileRun run = new ReconcileRun();
        run.id = "rec_" + UUID.randomUUID();
        run.trigger = trigger;
        run.requestedBy = requestedBy;
        run.status = "RUNNING";
        run.startedAt = clock.instant();
        return Panache.withTransaction(() -> run.<ReconcileRun>persist());
    }

    private Uni<ReconcileRun> sweep(ReconcileRun run) {
        return vertx.executeBlocking(source::fetch).chain(fetched -> {
            Set<String> accounts = new HashSet<>();
            Set<String> seenArns = new HashSet<>();
            fetched.snapshots().forEach(s -> {
                accounts.add(s.accountId());
                seenArns.add(s.accountId() + "|" + s.arn());
            });
            return Panache.withSession(() -> accounts.isEmpty()
                            ? Uni.createFrom().item(List.<IamResource>of())
                            : IamResource.<IamResource>list("deleted = false and accountId in ?1", accounts))
                    .chain(live -> vertx.executeBlocking(() -> {
                        List<IamSnapshot> all = new ArrayList<>(fetched.snapshots());
                        for (IamResource row : live) {
                            ResourceType type = ResourceType.valueOf(row.resourceType);
                            boolean listed = fetched.discovered() != null
                                    ? fetched.discovered().getOrDefault(type, Set.of()).contains(row.resourceId)
                                    : seenArns.contains(row.accountId + "|" + row.arn);
                            if (!listed) {
                                all.add(source.gone(fetched, type, row.accountId, row.resourceId, row.name, row.arn));
                            }
                        }
                        return all;
                    }))
                    .chain(all -> record(all, fetched.source()))
                    .call(this::credentials)
                    .chain(changed -> {
                        registry.counter("accessloop_reconcile_changes_total", "source", fetched.source())
                                .increment(changed);
                        run.source = fetched.source();
                        return finish(run, "SUCCEEDED", fetched.snapshots().size(), changed, null);
                    });
        });
    }

    private Uni<Integer> record(List<IamSnapshot> snapshots, String sourceName) {
        AtomicInteger changed = new AtomicInteger();
        return Multi.createFrom().iterable(snapshots)
                .onItem().transformToUniAndConcatenate(snapshot -> Panache.withTransaction(
                                () -> inventory.record(snapshot, sourceName).chain(recorded -> evaluate(recorded, changed)))
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("reconcile could not record %s: %s", snapshot.arn(), e.getMessage());
                            return null;
                        }))
                .collect().last()
                .map(ignored -> changed.get());
    }

    /** Runs the credential rules on every user of a fresh credential report; a missing report is logged, not fatal. */
    private Uni<Void> credentials() {
        return vertx.executeBlocking(() -> CredentialReportParser.parse(credentialReport.csv()))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("credential report unavailable, credential rules skipped: %s", e.getMessage());
                    return List.of();
                })
                .chain(users -> Multi.createFrom().iterable(users)
                        .onItem().transformToUniAndConcatenate(user -> Panache.withTransaction(
                                        () -> findings.evaluate(user))
                                .onFailure().recoverWithItem(e -> {
                                    LOG.warnf("credential rules failed for %s: %s", user.arn(), e.getMessage());
                                    return null;
                                }))
                        .collect().last().replaceWithVoid());
    }

    private Uni<Void> evaluate(Recorded recorded, AtomicInteger changed) {
        if (recorded.outcome() == Recorded.Outcome.STALE) {
            return Uni.createFrom().voidItem();
        }
        if (recorded.changed()) {
            changed.incrementAndGet();
        }
        return findings.evaluate(recorded.previous(), recorded.current(), recorded.attribution(), recorded.managed())
                .replaceWithVoid();
    }

    private Uni<ReconcileRun> finish(ReconcileRun run, String status, int scanned, int changed, String detail) {
        return Panache.withTransaction(() -> ReconcileRun.<ReconcileRun>findById(run.id).map(stored -> {
            stored.status = status;
            stored.source = run.source;
            stored.scanned = scanned;
            stored.changed = changed;
            stored.detail = detail;
            stored.finishedAt = clock.instant();
            return stored;
        }));
    }
}
