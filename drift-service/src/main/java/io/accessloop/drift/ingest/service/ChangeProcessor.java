package io.accessloop.drift.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.accounts.domain.AccountPorts;
import io.accessloop.drift.findings.service.AttributionUpdater;
import io.accessloop.drift.findings.service.FindingEvaluator;
import io.accessloop.drift.ingest.domain.Notification;
import io.accessloop.drift.ingest.domain.NotificationParser;
import io.accessloop.drift.inventory.domain.ApiCall;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.ResourceType;
import io.accessloop.drift.inventory.service.CallRecorder;
import io.accessloop.drift.inventory.service.InventoryService;
import io.accessloop.drift.inventory.service.PendingAttributions;
import io.accessloop.drift.inventory.service.ResourceLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.FlushMode;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Optional;

/**
 * Processes one stored raw event: configuration items update the inventory and run the rules; CloudTrail calls
 * are recorded and attribute findings to who made the change. {@link #load} reads and parses the event outside any
 * transaction; {@link #process(StoredChange)} runs inside the inbox transaction.
 */
@ApplicationScoped
public class ChangeProcessor {

    private static final Logger LOG = Logger.getLogger(ChangeProcessor.class);

    private final NotificationParser parser;
    private final Pool pool;
    private final InventoryService inventory;
    private final FindingEvaluator findings;
    private final CallRecorder calls;
    private final ResourceLock locks;
    private final AttributionUpdater attribution;
    private final PendingAttributions pending;
    private final AccountPorts accounts;
    private final Vertx vertx;
    private final Clock clock;

    ChangeProcessor(ObjectMapper mapper, Pool pool, InventoryService inventory, FindingEvaluator findings,
                    CallRecorder calls, ResourceLock locks, AttributionUpdater attribution,
                    PendingAttributions pending, AccountPorts accounts, Vertx vertx, Clock clock) {
        this.pending = pending;
        this.parser = new NotificationParser(mapper);
        this.pool = pool;
        this.inventory = inventory;
        this.findings = findings;
        this.calls = calls;
        this.locks = locks;
        this.attribution = attribution;
        this.accounts = accounts;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** Reads and parses a stored raw event, outside any transaction. */
    public Uni<StoredChange> load(String rawEventId) {
        return pool.preparedQuery("select body, source_id, processed_at is not null from raw_event where id = $1")
                .execute(Tuple.of(rawEventId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return StoredChange.missing(rawEventId);
                    }
                    Row row = rows.iterator().next();
                    if (row.getBoolean(2)) {
                        return StoredChange.processed(rawEventId);
                    }
                    try {
                        return StoredChange.of(rawEventId, parser.parseStored(row.getString(0), row.getString(1)));
                    } catch (RuntimeException e) {
                        return StoredChange.unreadable(rawEventId, e);
                    }
                });
    }

    /** Loads and processes a raw event; must run inside a transaction. */
    public Uni<Void> process(String rawEventId) {
        return load(rawEventId).chain(this::process);
    }

    /**
     * Processes a loaded raw event inside the caller's transaction and marks it processed. When another
     * transaction marked it first (it was read before that one committed), fails so that this one rolls back.
     */
    public Uni<Void> process(StoredChange change) {
        switch (change.status()) {
            case MISSING -> {
                LOG.warnf("raw event %s not found; nothing to process", change.rawEventId());
                return Uni.createFrom().voidItem();
            }
            case PROCESSED -> {
                return Uni.createFrom().voidItem();
            }
            case UNREADABLE -> {
                return Uni.createFrom().failure(change.unreadable());
            }
            default -> {
                return Panache.getSession().invoke(ChangeProcessor::flushAtCommit)
                        .chain(() -> handle(change))
                        .chain(outcome -> markProcessed(change.rawEventId(), outcome));
            }
        }
    }

    /**
     * Entity changes are written at commit, not before every query: a change reads only rows written with SQL
     * statements of its own or committed before it (never an entity it changed itself), and the automatic flush
     * before each of its ten-odd queries, which checks every entity of the session, was a fifth of the processing
     * time in a profile of a burst.
     */
    private static void flushAtCommit(Mutiny.Session session) {
        session.setFlushMode(FlushMode.COMMIT);
    }

    private Uni<Void> markProcessed(String rawEventId, String outcome) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "update raw_event set processed_at = ?1, outcome = ?2 where id = ?3 and processed_at is null")
                        .setParameter(1, clock.instant())
                        .setParameter(2, outcome)
                        .setParameter(3, rawEventId)
                        .executeUpdate())
                .chain(updated -> updated == 1 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new IllegalStateException(
                                "raw event " + rawEventId + " was processed by another transaction meanwhile")));
    }

    private Uni<String> handle(StoredChange change) {
        Notification notification = change.notification();
        if (notification instanceof Notification.ConfigItemChange) {
            return apply(change.snapshot(), "push");
        }
        if (notification instanceof Notification.OversizedConfigItemChange oversized) {
            ResourceType type = ResourceType.fromConfigType(oversized.resourceType()).orElseThrow();
            return vertx.executeBlocking(() -> accounts.config(oversized.accountId())
                            .latest(type, oversized.resourceId()))
                    .chain(item -> apply(item, "push-oversized"));
        }
        if (notification instanceof Notification.ApiCallRecorded) {
            return change.call().map(call -> record(call, change.rawEventId()))
                    .orElse(Uni.createFrom().item("call-ignored"));
        }
        return Uni.createFrom().item("ignored");
    }

    /**
     * Under the resource's lock: a change of the resource being processed at the same time sees this call, and a
     * change recorded before it that waits for its call is joined to it now.
     */
    private Uni<String> record(ApiCall call, String rawEventId) {
        Uni<Void> locked = call.target() == null ? Uni.createFrom().voidItem()
                : locks.hold(call.accountId(), call.target());
        return locked.chain(() -> calls.record(call, rawEventId))
                .chain(stored -> stored == null
                        ? Uni.createFrom().item("duplicate-call")
                        : attribution.attribute(stored)
                                .chain(() -> call.target() == null ? Uni.createFrom().voidItem()
                                        : pending.join(call.accountId(), call.target()).replaceWithVoid())
                                .replaceWith("call-recorded"));
    }

    private Uni<String> apply(Optional<IamSnapshot> snapshot, String source) {
        if (snapshot.isEmpty()) {
            return Uni.createFrom().item("not-recorded");
        }
        return inventory.record(snapshot.get(), source).chain(recorded -> recorded.changed()
                ? findings.evaluate(recorded.previous(), recorded.current(), recorded.attribution(), recorded.managed())
                        .replaceWith("applied")
                : Uni.createFrom().item(recorded.outcome().name().toLowerCase()));
    }
}
