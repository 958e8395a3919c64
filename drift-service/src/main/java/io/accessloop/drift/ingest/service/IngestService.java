package io.accessloop.drift.ingest.service;

import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.aws.AwsChangeReceived;
import io.accessloop.drift.ingest.config.IngestSettings;
import io.accessloop.drift.ingest.domain.Notification;
import io.accessloop.kit.outbox.OutboxSettings;
import io.accessloop.kit.outbox.Outbox;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores pushed notifications and their {@code AWS_CHANGE_RECEIVED} envelopes. Concurrent pushes share a
 * transaction ({@link CommitQueue}): each batch is one statement that inserts the raw events and, for those that are
 * new, their outbox rows; every push is answered only after its batch committed. A
 * notification AWS delivers twice (same event or message id), in one batch or in two, is stored once; the later
 * pushes get the first one's id and are marked duplicate. A Firehose delivery waits and commits as one item: all of
 * its notifications in the same transaction, or none of them.
 */
@ApplicationScoped
@Startup
public class IngestService {

    private final Pool pool;
    private final EventCodec codec;
    private final String source;
    private final Clock clock;
    private final CommitQueue<List<Submission>, List<Accepted>> queue;
    private final DistributionSummary batchSizes;
    private final Timer commits;

    IngestService(Pool pool, EventCodec codec, OutboxSettings outboxSettings, Clock clock, IngestSettings settings,
                  MeterRegistry registry) {
        this.pool = pool;
        this.codec = codec;
        this.source = outboxSettings.source();
        this.clock = clock;
        IngestSettings.Batch batch = settings.batch();
        requireRoomForADelivery(settings.firehose().maxRecords(), settings.firehose().maxBodyBytes(),
                batch.maxPending(), batch.maxPendingBytes());
        // a waiting notification costs about its body's length in bytes (Latin-1 strings: one byte a character);
        // a delivery (one Firehose request) is one item: stored in one transaction, refused or accepted whole
        this.queue = new CommitQueue<>(batch.maxSize(), batch.maxPending(), List::size, IngestService::bodyLength,
                batch.maxPendingBytes(), batch.maxConcurrentCommits(), this::storeDeliveries, IngestService::rowLevel,
                Runnable::run);
        this.batchSizes = DistributionSummary.builder("accessloop_ingest_batch_size")
                .description("Notifications stored by one ingest transaction")
                .register(registry);
        this.commits = Timer.builder("accessloop_ingest_commit_seconds")
                .description("Time one ingest transaction takes, from its first statement to its commit")
                .register(registry);
        Gauge.builder("accessloop_ingest_pending", queue, CommitQueue::pending)
                .description("Notifications waiting for an ingest transaction")
                .register(registry);
    }

    /**
     * A delivery the queue could never hold would be refused (503) forever, and Firehose would retry it forever:
     * such settings stop the service at start (this bean is created at start for that).
     */
    static void requireRoomForADelivery(int maxRecords, long maxBodyBytes, int maxPending, long maxPendingBytes) {
        if (maxRecords > maxPending) {
            throw new IllegalStateException("accessloop.drift.ingest.firehose.max-records (" + maxRecords
                    + ") must not exceed accessloop.drift.ingest.batch.max-pending (" + maxPending + ")");
        }
        if (maxBodyBytes > maxPendingBytes) {
            throw new IllegalStateException("accessloop.drift.ingest.firehose.max-body-bytes (" + maxBodyBytes
                    + ") must not exceed accessloop.drift.ingest.batch.max-pending-bytes (" + maxPendingBytes + ")");
        }
    }

    /**
     * Stores {@code body}, the notification's message exactly as AWS sent it (unwrapped from any SNS envelope);
     * completes after the transaction holding it committed. Fails with {@link CommitQueue.QueueFullException} when
     * too many notifications already wait.
     */
    public Uni<Accepted> store(Notification notification, String body) {
        return enqueue(List.of(submission(notification, body, clock.instant()))).map(answers -> answers.get(0));
    }

    /**
     * Stores the notifications of one delivery together: in one transaction, all or none. Completes with one answer
     * per notification, in order, after that transaction committed; fails with {@link CommitQueue.QueueFullException}
     * (nothing stored) when they do not fit in the queue, or with the database's error when any of them cannot be
     * stored (nothing stored either).
     */
    public Uni<List<Accepted>> storeTogether(List<Pushed> delivery) {
        if (delivery.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Submission> submissions = new ArrayList<>(delivery.size());
        Instant received = clock.instant();
        for (Pushed pushed : delivery) {
            submissions.add(submission(pushed.notification(), pushed.body(), received));
        }
        return enqueue(submissions);
    }

    private static Submission submission(Notification notification, String body, Instant received) {
        return new Submission("evt_" + UUID.randomUUID(), notification.sourceId(), notification.kind(),
                notification.accountId(), body, received);
    }

    private Uni<List<Accepted>> enqueue(List<Submission> submissions) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<List<Accepted>> stored = queue.submit(submissions);
            // answer on the request's own context, not on the one the batch committed on
            return caller == null ? stored : stored.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private static long bodyLength(List<Submission> submissions) {
        long length = 0;
        for (Submission s : submissions) {
            length += s.body().length();
        }
        return length;
    }

    /** The deliveries a commit gathered, stored in one statement; the answers are split back per delivery. */
    private Uni<List<List<Accepted>>> storeDeliveries(List<List<Submission>> deliveries) {
        if (deliveries.size() == 1) {
            return storeAll(deliveries.get(0)).map(List::of);
        }
        List<Submission> all = new ArrayList<>();
        deliveries.forEach(all::addAll);
        return storeAll(all).map(answers -> {
            List<List<Accepted>> split = new ArrayList<>(deliveries.size());
            int from = 0;
            for (List<Submission> delivery : deliveries) {
                split.add(answers.subList(from, from + delivery.size()));
                from += delivery.size();
            }
            return split;
        });
    }

    /**
     * Stores one batch in one statement (so in one transaction) and returns one answer per submission, in order.
     * Public for tests that need a batch of known content; the service itself reaches it only through the queue.
     */
    public Uni<List<Accepted>> storeAll(List<Submission> batch) {
        Map<String, Submission> firstBySource = new LinkedHashMap<>();
        batch.forEach(s -> firstBySource.putIfAbsent(s.sourceId(), s));
        List<Submission> distinct = new ArrayList<>(firstBySource.values());
        batchSizes.record(batch.size());
        Timer.Sample started = Timer.start();
        return pool.preparedQuery(STORE).execute(columns(distinct))
                .chain(inserted -> {
                    Map<String, String> stored = new HashMap<>();
                    Set<String> ids = new HashSet<>();
                    inserted.forEach(row -> ids.add(row.getString(0)));
                    List<String> earlier = new ArrayList<>();
                    for (Submission s : distinct) {
                        if (ids.contains(s.id())) {
                            stored.put(s.sourceId(), s.id());
                        } else {
                            earlier.add(s.sourceId());
                        }
                    }
                    return earlier.isEmpty() ? Uni.createFrom().item(stored) : earlierIds(earlier, stored);
                })
                .onTermination().invoke(() -> started.stop(commits))
                .map(stored -> answers(batch, firstBySource, stored));
    }

    /**
     * One statement: the raw events, and for each one that went in (a delivery stored before, or by a concurrent
     * batch that committed meanwhile, does nothing) its envelope in the outbox; returns the ids that went in.
     * Arrays keep the text the same for every batch size. The outbox columns are service-kit's {@code outbox_event},
     * written as {@code Outbox#appendAll} writes them (with its commit notification for the relay), so that raw event
     * and envelope share the one statement.
     */
    private static final String STORE = "with incoming as (select * from unnest($1::text[], $2::text[], $3::text[], "
            + "$4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[]) "
            + "as t(id, source_id, kind, account_id, body, received_at, event_id, envelope)), "
            + "raw as (insert into raw_event (id, source_id, kind, account_id, body, received_at) "
            + "select id, source_id, kind, account_id, body, received_at from incoming "
            + "on conflict (source_id) do nothing returning id), "
            + "queued as (insert into outbox_event (event_id, address, type, subject, envelope, created_at) "
            + "select i.event_id, $9, $10, i.id, i.envelope, i.received_at from incoming i join raw on raw.id = i.id) "
            + "select raw.id from raw, pg_notify('" + Outbox.NOTIFY_CHANNEL + "', '')";

    private Tuple columns(List<Submission> rows) {
        int n = rows.size();
        String[] ids = new String[n];
        String[] sources = new String[n];
        String[] kinds = new String[n];
        String[] accounts = new String[n];
        String[] bodies = new String[n];
        OffsetDateTime[] received = new OffsetDateTime[n];
        String[] eventIds = new String[n];
        String[] envelopes = new String[n];
        for (int i = 0; i < n; i++) {
            Submission s = rows.get(i);
            ids[i] = s.id();
            sources[i] = s.sourceId();
            kinds[i] = s.kind();
            accounts[i] = s.accountId();
            bodies[i] = s.body();
            received[i] = OffsetDateTime.ofInstant(s.receivedAt(), ZoneOffset.UTC);
            CloudEvent event = CloudEvent.create(EventTypes.CHANGE_RECEIVED, source, s.id(),
                    new AwsChangeReceived(s.id(), s.kind(), s.accountId(), s.receivedAt()), s.receivedAt(), codec);
            eventIds[i] = event.id();
            envelopes[i] = codec.encode(event);
        }
        return Tuple.from(java.util.Arrays.asList(ids, sources, kinds, accounts, bodies, received, eventIds, envelopes,
                EventTypes.CHANGE_RECEIVED.address(), EventTypes.CHANGE_RECEIVED.type()));
    }

    /**
     * The ids earlier deliveries were stored under. A separate statement: the storing statement's snapshot does not
     * show a row that a concurrent batch committed while the insert waited for it.
     */
    private Uni<Map<String, String>> earlierIds(List<String> sourceIds, Map<String, String> stored) {
        return pool.preparedQuery("select source_id, id from raw_event where source_id = any($1)")
                .execute(Tuple.of(sourceIds.toArray(new String[0])))
                .map(rows -> {
                    rows.forEach(row -> stored.put(row.getString(0), row.getString(1)));
                    return stored;
                });
    }

    private static List<Accepted> answers(List<Submission> batch, Map<String, Submission> firstBySource,
                                          Map<String, String> stored) {
        List<Accepted> answers = new ArrayList<>(batch.size());
        for (Submission s : batch) {
            String id = stored.get(s.sourceId());
            if (id == null) {
                throw new IllegalStateException("raw event " + s.sourceId() + " neither inserted nor found");
            }
            // new only for the submission whose own row went in; a twin in the same batch is a duplicate of it
            answers.add(new Accepted(id, !(firstBySource.get(s.sourceId()) == s && id.equals(s.id()))));
        }
        return answers;
    }

    /**
     * Failures one row can cause (SQLSTATE class 22, data exception, e.g. a NUL character; class 23, integrity
     * constraint): the batch is then retried one notification at a time so that only that one fails.
     */
    public static boolean rowLevel(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** One notification to store: the raw event id it gets if it is new, and what the row holds. */
    public record Submission(String id, String sourceId, String kind, String accountId, String body,
                             Instant receivedAt) {
    }

    /** A notification as pushed: what it is, and its message exactly as AWS sent it (unwrapped from any SNS envelope). */
    public record Pushed(Notification notification, String body) {
    }

    /** The stored raw event's id; {@code duplicate} when AWS had already delivered it. */
    public record Accepted(String rawEventId, boolean duplicate) {
    }
}
