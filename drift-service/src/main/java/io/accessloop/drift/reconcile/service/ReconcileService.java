package io.accessloop.drift.reconcile.service;

import io.accessloop.drift.accounts.domain.AccountPorts;
import io.accessloop.drift.accounts.domain.Accounts;
import io.accessloop.drift.findings.service.FindingEvaluator;
import io.accessloop.drift.inventory.domain.CredentialReportParser;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.ResourceType;
import io.accessloop.drift.inventory.repository.IamResource;
import io.accessloop.drift.inventory.service.InventoryService;
import io.accessloop.drift.inventory.service.Recorded;
import io.accessloop.drift.reconcile.config.ReconcileSettings;
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

/**
 * Carries out one claimed run: compares the inventory of its account with what AWS holds now and records every
 * difference the push stream missed (changed and new resources, resources deleted since), then runs the credential
 * rules. Each resource is recorded in its own transaction, so a run interrupted halfway keeps its progress; stale
 * items never roll the inventory back. Progress (counts, first errors) is saved as it goes, renewing the lease.
 */
@ApplicationScoped
public class ReconcileService {

    private static final Logger LOG = Logger.getLogger(ReconcileService.class);
    private static final int PROGRESS_EVERY = 25;

    private final SnapshotSource source;
    private final InventoryService inventory;
    private final FindingEvaluator findings;
    private final AccountPorts accounts;
    private final ReconcileSettings settings;
    private final Vertx vertx;
    private final Clock clock;
    private final MeterRegistry registry;

    ReconcileService(SnapshotSource source, InventoryService inventory, FindingEvaluator findings,
                     AccountPorts accounts, ReconcileSettings settings, Vertx vertx, Clock clock,
                     MeterRegistry registry) {
        this.source = source;
        this.inventory = inventory;
        this.findings = findings;
        this.accounts = accounts;
        this.settings = settings;
        this.vertx = vertx;
        this.clock = clock;
        this.registry = registry;
    }

    /** Runs a run this replica claimed as {@code holder}; a run another replica took over is left to it. */
    public Uni<Void> execute(ReconcileRun run, String holder) {
        Progress progress = new Progress(run.id, holder);
        return vertx.executeBlocking(() -> source.fetch(run.accountId))
                .call(fetched -> save(progress))
                .chain(fetched -> sweep(fetched, progress).replaceWith(fetched))
                .call(fetched -> credentials(run.accountId, progress))
                .chain(fetched -> {
                    registry.counter("accessloop_reconcile_changes_total", "source", fetched.source())
                            .increment(progress.changed);
                    return finish(progress, "SUCCEEDED", fetched.source(), null);
                })
                .onFailure(LeaseLost.class).recoverWithUni(e -> {
                    LOG.infof("reconciliation %s was taken over by another replica", run.id);
                    return Uni.createFrom().voidItem();
                })
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("reconciliation %s of account %s failed: %s", run.id, run.accountId, e.getMessage());
                    return finish(progress, "FAILED", null, e.getMessage() == null ? e.toString() : e.getMessage());
                });
    }

    private Uni<Void> sweep(SnapshotSource.Fetched fetched, Progress progress) {
        Set<String> accountIds = new HashSet<>();
        Set<String> seenArns = new HashSet<>();
        if (!Accounts.DEFAULT.equals(fetched.accountId())) {
            accountIds.add(fetched.accountId());
        }
        fetched.snapshots().forEach(s -> {
            accountIds.add(s.accountId());
            seenArns.add(s.accountId() + "|" + s.arn());
        });
        return Panache.withSession(() -> accountIds.isEmpty()
                        ? Uni.createFrom().item(List.<IamResource>of())
                        : IamResource.<IamResource>list("deleted = false and accountId in ?1", accountIds))
                .chain(live -> vertx.executeBlocking(() -> {
                    List<IamSnapshot> all = new ArrayList<>(fetched.snapshots());
                    for (IamResource row : live) {
                        ResourceType type = ResourceType.valueOf(row.resourceType);
                        // an ARN listed again under a new resource id (deleted and created anew with the same
                        // name) is the row's new state, recorded above, not a deletion to record after it
                        boolean listed = seenArns.contains(row.accountId + "|" + row.arn)
                                || (fetched.discovered() != null
                                && fetched.discovered().getOrDefault(type, Set.of()).contains(row.resourceId));
                        if (!listed) {
                            all.add(source.gone(fetched, type, row.accountId, row.resourceId, row.name, row.arn));
                        }
                    }
                    return all;
                }))
                .chain(all -> Multi.createFrom().iterable(all)
                        .onItem().transformToUniAndConcatenate(snapshot -> record(snapshot, fetched.source(), progress))
                        .collect().last())
                .call(() -> save(progress))
                .replaceWithVoid();
    }

    private Uni<Void> record(IamSnapshot snapshot, String sourceName, Progress progress) {
        return Panache.withTransaction(() -> inventory.record(snapshot, sourceName)
                        .chain(recorded -> evaluate(recorded, progress)))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("reconcile could not record %s: %s", snapshot.arn(), e.getMessage());
                    progress.error(snapshot.arn() + ": " + e.getMessage());
                    return null;
                })
                .chain(() -> ++progress.scanned % PROGRESS_EVERY == 0 ? save(progress) : Uni.createFrom().voidItem());
    }

    private Uni<Void> evaluate(Recorded recorded, Progress progress) {
        if (recorded.outcome() == Recorded.Outcome.STALE) {
            return Uni.createFrom().voidItem();
        }
        if (recorded.changed()) {
            progress.changed++;
        }
        return findings.evaluate(recorded.previous(), recorded.current(), recorded.attribution(), recorded.managed())
                .replaceWithVoid();
    }

    /** Runs the credential rules on every user of a fresh credential report; a missing report is an error, not fatal. */
    private Uni<Void> credentials(String accountId, Progress progress) {
        return vertx.executeBlocking(() -> CredentialReportParser.parse(accounts.credentialReport(accountId).csv()))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("credential report unavailable, credential rules skipped: %s", e.getMessage());
                    progress.error("credential report unavailable, credential rules skipped: " + e.getMessage());
                    return List.of();
                })
                .chain(users -> Multi.createFrom().iterable(users)
                        .onItem().transformToUniAndConcatenate(user -> Panache.withTransaction(
                                        () -> findings.evaluate(user))
                                .onFailure().recoverWithItem(e -> {
                                    LOG.warnf("credential rules failed for %s: %s", user.arn(), e.getMessage());
                                    progress.error(user.arn() + ": credential rules failed: " + e.getMessage());
                                    return null;
                                }))
                        .collect().last().replaceWithVoid());
    }

    /** Saves the counts so far and renews the lease; fails with {@link LeaseLost} when the run is no longer ours. */
    private Uni<Void> save(Progress p) {
        return Panache.withTransaction(() -> ReconcileRun.update("leaseUntil = ?1, scanned = ?2, changed = ?3, "
                        + "errors = ?4, errorMessages = ?5 where id = ?6 and holder = ?7 and status = 'RUNNING'",
                clock.instant().plus(settings.lease()), p.scanned, p.changed, p.errors, p.messages(), p.runId, p.holder))
                .map(updated -> {
                    if (updated == 0) {
                        throw new LeaseLost();
                    }
                    return null;
                });
    }

    private Uni<Void> finish(Progress p, String status, String sourceName, String detail) {
        return Panache.withTransaction(() -> ReconcileRun.update("status = ?1, source = ?2, finishedAt = ?3, "
                        + "scanned = ?4, changed = ?5, errors = ?6, errorMessages = ?7, detail = ?8, leaseUntil = null "
                        + "where id = ?9 and holder = ?10 and status = 'RUNNING'",
                status, sourceName == null ? "none" : sourceName, clock.instant(), p.scanned, p.changed, p.errors,
                p.messages(), detail, p.runId, p.holder)).replaceWithVoid();
    }

    /** What a run has done so far; touched only by the run's own (sequential) pipeline. */
    private static final class Progress {
        static final int KEPT_ERRORS = 20;

        final String runId;
        final String holder;
        int scanned;
        int changed;
        int errors;
        final List<String> firstErrors = new ArrayList<>();

        Progress(String runId, String holder) {
            this.runId = runId;
            this.holder = holder;
        }

        void error(String message) {
            errors++;
            if (firstErrors.size() < KEPT_ERRORS) {
                firstErrors.add(message.replace('\n', ' '));
            }
        }

        String messages() {
            return firstErrors.isEmpty() ? null : String.join("\n", firstErrors);
        }
    }

    /** The run's lease was taken over by another replica. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("the reconciliation lease was taken over", null, false, false);
        }
    }
}
