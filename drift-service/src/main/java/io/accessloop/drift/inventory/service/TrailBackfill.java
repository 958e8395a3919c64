package io.accessloop.drift.inventory.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.accounts.domain.AccountPorts;
import io.accessloop.drift.findings.service.AttributionUpdater;
import io.accessloop.drift.inventory.config.BackfillSettings;
import io.accessloop.drift.inventory.config.OwnershipSettings;
import io.accessloop.drift.inventory.domain.ApiCall;
import io.accessloop.drift.inventory.domain.CloudTrailCallReader;
import io.accessloop.drift.inventory.domain.LookupPacer;
import io.accessloop.drift.inventory.domain.LookupWindow;
import io.accessloop.drift.inventory.domain.MalformedItemException;
import io.accessloop.drift.inventory.domain.ResourceKey;
import io.accessloop.drift.inventory.domain.TrailLookup;
import io.accessloop.drift.inventory.repository.AttributionPending;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Attributes changes that were recorded before their CloudTrail call was stored. Each run takes up the waiting
 * changes that are due (safe with several replicas: rows are claimed with {@code skip locked} and leased), asks
 * CloudTrail LookupEvents once per account for the IAM calls in a window covering many of them (paged, paced to
 * {@code requests-per-second}), stores the calls it finds and joins them the way a pushed call is joined: the
 * versions and resources name who made the change, findings opened without an actor get one, and those Accessloop
 * caused itself are resolved. A change whose call is not found is retried later and given up after
 * {@code give-up-after}, staying unattributed.
 */
@ApplicationScoped
public class TrailBackfill {

    private static final Logger LOG = Logger.getLogger(TrailBackfill.class);

    private final AccountPorts accounts;
    private final CallRecorder recorder;
    private final PendingAttributions pending;
    private final AttributionUpdater attribution;
    private final ResourceLock locks;
    private final BackfillSettings settings;
    private final OwnershipSettings ownership;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final Clock clock;
    private final LookupPacer pacer;
    private final Counter lookups;
    private final Counter joined;
    private final Counter givenUp;

    TrailBackfill(AccountPorts accounts, CallRecorder recorder, PendingAttributions pending,
                  AttributionUpdater attribution, ResourceLock locks, BackfillSettings settings,
                  OwnershipSettings ownership, ObjectMapper mapper, Vertx vertx, Clock clock, MeterRegistry registry) {
        this.accounts = accounts;
        this.recorder = recorder;
        this.pending = pending;
        this.attribution = attribution;
        this.locks = locks;
        this.settings = settings;
        this.ownership = ownership;
        this.mapper = mapper;
        this.vertx = vertx;
        this.clock = clock;
        this.pacer = new LookupPacer(settings.requestsPerSecond());
        this.lookups = Counter.builder("accessloop_drift_trail_lookups_total")
                .description("CloudTrail LookupEvents requests made to attribute changes").register(registry);
        this.joined = Counter.builder("accessloop_drift_attribution_backfilled_total")
                .description("Changes attributed after they were recorded").register(registry);
        this.givenUp = Counter.builder("accessloop_drift_attribution_given_up_total")
                .description("Changes left unattributed after no CloudTrail call was found for them").register(registry);
    }

    /** Identity of the scheduled run (tests pause it to run the backfill themselves). */
    public static final String JOB = "attribution-backfill";

    @Scheduled(identity = JOB, every = "${accessloop.drift.attribution-backfill.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(e -> LOG.warnf("attribution backfill failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One run over every account with due waiting changes. */
    public Uni<Outcome> run() {
        if (!ownership.trailLookup()) {
            return Uni.createFrom().item(Outcome.NOTHING);
        }
        Instant now = clock.instant();
        return claim(now).chain(claimed -> {
            Map<String, List<AttributionPending>> byAccount = new TreeMap<>();
            claimed.forEach(p -> byAccount.computeIfAbsent(p.accountId, a -> new ArrayList<>()).add(p));
            return Multi.createFrom().iterable(byAccount.entrySet())
                    .onItem().transformToUniAndConcatenate(e -> account(e.getKey(), e.getValue(), now))
                    .collect().asList()
                    .map(outcomes -> outcomes.stream().reduce(Outcome.NOTHING, Outcome::plus));
        });
    }

    /** Takes up the due waiting changes in one statement, leased so that no other replica takes them meanwhile. */
    private Uni<List<AttributionPending>> claim(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("update attribution_pending "
                                + "set next_attempt_at = ?1, attempts = attempts + 1 where version_id in ("
                                + "select version_id from attribution_pending where next_attempt_at <= ?2 "
                                + "order by window_from limit ?3 for update skip locked) returning *",
                                AttributionPending.class)
                        .setParameter(1, now.plus(settings.lease()))
                        .setParameter(2, now)
                        .setParameter(3, settings.batchSize())
                        .getResultList()));
    }

    /** One lookup for the account's waiting changes that one window covers; the others are due again at once. */
    private Uni<Outcome> account(String accountId, List<AttributionPending> claimed, Instant now) {
        LookupWindow<AttributionPending> window = LookupWindow.cover(claimed, p -> p.windowFrom, p -> p.windowTo,
                settings.window(), now);
        List<String> covered = window.covered().stream().map(p -> p.versionId).toList();
        Set<String> coveredIds = new HashSet<>(covered);
        List<String> later = claimed.stream().map(p -> p.versionId).filter(id -> !coveredIds.contains(id)).toList();
        Set<ResourceKey> waitingKeys = new HashSet<>();
        window.covered().forEach(p -> waitingKeys.add(ResourceKey.parse(p.resourceKey)));
        return reschedule(later, now)
                .chain(() -> fetch(accountId, window))
                .chain(fetched -> Panache.withTransaction(() -> join(accountId, fetched, waitingKeys)
                                .chain(joins -> finish(covered, fetched.answered(), now)
                                        .map(gaveUp -> new Outcome(fetched.requests(), fetched.calls().size(), joins,
                                                gaveUp)))))
                .invoke(outcome -> {
                    joined.increment(outcome.joined());
                    givenUp.increment(outcome.givenUp());
                });
    }

    private static Uni<Void> reschedule(List<String> ids, Instant at) {
        return ids.isEmpty() ? Uni.createFrom().voidItem()
                : Panache.withTransaction(() -> AttributionPending.update("nextAttemptAt = ?1 where versionId in ?2",
                        at, ids)).replaceWithVoid();
    }

    /** The IAM calls CloudTrail holds for the window; a failed lookup finds none and is not counted as answered. */
    private Uni<Fetched> fetch(String accountId, LookupWindow<AttributionPending> window) {
        return vertx.executeBlocking(() -> {
            TrailLookup trail = accounts.trail(accountId);
            List<ApiCall> calls = new ArrayList<>();
            String token = null;
            int requests = 0;
            try {
                do {
                    Duration wait = pacer.reserve(accountId, clock.instant());
                    if (!wait.isZero()) {
                        Thread.sleep(wait.toMillis());
                    }
                    requests++;
                    lookups.increment();
                    TrailLookup.Page page = trail.iamCalls(window.from(), window.to(), token);
                    page.records().forEach(record -> parse(record, accountId, calls));
                    token = page.nextToken();
                } while (token != null && requests < settings.maxPages());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Fetched(requests, calls, false);
            } catch (RuntimeException e) {
                LOG.warnf("CloudTrail lookup of account %s failed, its changes are looked up again later: %s",
                        accountId, e.getMessage());
                return new Fetched(requests, calls, false);
            }
            // cut short after max-pages: the older part of the window was not read, so it does not count as answered
            return new Fetched(requests, calls, token == null);
        });
    }

    private void parse(String record, String accountId, List<ApiCall> into) {
        try {
            CloudTrailCallReader.read(mapper.readTree(record), accountId).ifPresent(into::add);
        } catch (MalformedItemException | IOException e) {
            LOG.debugf("skipped an unreadable CloudTrail record: %s", e.getMessage());
        }
    }

    /**
     * Stores the calls and joins them, one resource at a time under its lock (in lock-name order, so two runs cannot
     * wait for each other), exactly as a pushed call is joined. Returns how many waiting changes were joined.
     */
    private Uni<Integer> join(String accountId, Fetched fetched, Set<ResourceKey> waitingKeys) {
        Map<ResourceKey, List<ApiCall>> byKey = new TreeMap<>(Comparator.comparing(ResourceKey::toString));
        waitingKeys.forEach(key -> byKey.put(key, new ArrayList<>()));
        List<ApiCall> untargeted = new ArrayList<>();
        List<ApiCall> oldestFirst = new ArrayList<>(fetched.calls());
        // LookupEvents answers newest first; calls are joined in the order they were made, as pushed calls are
        oldestFirst.sort(Comparator.comparing(ApiCall::eventTime));
        for (ApiCall call : oldestFirst) {
            if (call.target() == null) {
                untargeted.add(call);
            } else if (call.accountId().equals(accountId)) {
                byKey.computeIfAbsent(call.target(), k -> new ArrayList<>()).add(call);
            }
        }
        Uni<Integer> resources = Multi.createFrom().iterable(byKey.entrySet())
                .onItem().transformToUniAndConcatenate(e -> joinResource(accountId, e.getKey(), e.getValue()))
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
        return resources.call(() -> Multi.createFrom().iterable(untargeted)
                .onItem().transformToUniAndConcatenate(call -> recorder.record(call, null))
                .collect().asList());
    }

    private Uni<Integer> joinResource(String accountId, ResourceKey key, List<ApiCall> calls) {
        Set<String> attributed = new HashSet<>();
        return locks.hold(accountId, key)
                .chain(() -> Multi.createFrom().iterable(calls)
                        .onItem().transformToUniAndConcatenate(call -> recorder.record(call, null))
                        .onItem().transformToUniAndConcatenate(stored -> {
                            attributed.add(stored.id);
                            return attribution.attribute(stored).replaceWith(stored);
                        })
                        .collect().asList())
                .chain(() -> pending.join(accountId, key))
                .chain(joins -> Multi.createFrom().iterable(joins)
                        .filter(call -> !attributed.contains(call.id))
                        .onItem().transformToUniAndConcatenate(call -> attribution.attribute(call).replaceWith(call))
                        .collect().asList()
                        .replaceWith(joins.size()))
                .call(TrailBackfill::writeAndForget);
    }

    /**
     * Writes what the resource's join changed and empties the session: a run joins thousands of resources in one
     * transaction, and every query flushes the session first, which checks each entity it holds.
     */
    private static Uni<Void> writeAndForget() {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    /**
     * The covered changes still waiting: given up when they waited long enough (only after CloudTrail answered),
     * else looked up again after {@code retry-after}. Returns how many were given up.
     */
    private Uni<Integer> finish(List<String> covered, boolean answered, Instant now) {
        if (covered.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Uni<Long> gaveUp = answered
                ? AttributionPending.delete("versionId in ?1 and recordedAt <= ?2", covered,
                        now.minus(settings.giveUpAfter()))
                : Uni.createFrom().item(0L);
        return gaveUp.call(() -> AttributionPending.update("nextAttemptAt = ?1 where versionId in ?2",
                        now.plus(settings.retryAfter()), covered))
                .map(Long::intValue);
    }

    /** The calls a lookup found; {@code answered} false when CloudTrail failed before the last page. */
    private record Fetched(int requests, List<ApiCall> calls, boolean answered) {
    }

    /** What a run did. */
    public record Outcome(int lookups, int calls, int joined, int givenUp) {
        static final Outcome NOTHING = new Outcome(0, 0, 0, 0);

        Outcome plus(Outcome other) {
            return new Outcome(lookups + other.lookups, calls + other.calls, joined + other.joined,
                    givenUp + other.givenUp);
        }
    }
}
