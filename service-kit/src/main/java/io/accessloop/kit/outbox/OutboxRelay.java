package io.accessloop.kit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes stored events in order and marks them sent only after the broker accepted them.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas never publish the same row at once;
 * a relay that dies mid-batch leaves its rows unsent for the next pass (consumers deduplicate). A send the broker
 * never settles (an outage that swallowed it, a blocked address) times out and ends the pass like a refusal.
 * <p>A pass starts when PostgreSQL announces a commit that appended events ({@code LISTEN}, see
 * {@link Outbox#NOTIFY_CHANNEL}: a notification is delivered only once its transaction commits), and on a timer in
 * case a notification was missed while the listening connection was being re-opened.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The one outgoing channel every service declares; the address travels with each message. */
    public static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxSettings settings;
    private final Timer lag;
    private final AtomicBoolean passRunning = new AtomicBoolean();
    /** Set when a pass was asked for while one ran: the rows it is about may have been committed too late for it. */
    private final AtomicBoolean passWanted = new AtomicBoolean();
    private volatile boolean stopped;

    OutboxRelay(Pool pool, @Channel(CHANNEL) MutinyEmitter<String> emitter, OutboxSettings settings,
                MeterRegistry registry) {
        this.pool = pool;
        this.emitter = emitter;
        this.settings = settings;
        this.lag = Timer.builder("accessloop_outbox_lag_seconds")
                .description("Time from commit of an event to the broker accepting it")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Listens for commits and polls on a Vert.x timer (the scheduler cannot go below one second). */
    void startPolling(@Observes StartupEvent startup, Vertx vertx) {
        if (settings.relayEnabled()) {
            vertx.setPeriodic(settings.pollInterval().toMillis(), tick -> poll());
            listen(vertx);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
    }

    /** Holds one connection that LISTENs; when it closes, a new one is opened a second later. */
    private void listen(Vertx vertx) {
        if (stopped) {
            return;
        }
        pool.getConnection().subscribe().with(connection -> {
            PgConnection listening = PgConnection.cast(connection);
            listening.notificationHandler(notification -> poll());
            listening.closeHandler(() -> listenAgainSoon(vertx));
            listening.query("LISTEN " + Outbox.NOTIFY_CHANNEL).execute().subscribe().with(
                    done -> poll(),
                    e -> {
                        LOG.warnf("outbox relay cannot listen for commits, polling only: %s", e.getMessage());
                        connection.closeAndForget();
                    });
        }, e -> listenAgainSoon(vertx));
    }

    private void listenAgainSoon(Vertx vertx) {
        if (!stopped) {
            vertx.setTimer(1000, t -> listen(vertx));
        }
    }

    private void poll() {
        if (!passRunning.compareAndSet(false, true)) {
            passWanted.set(true);
            return;
        }
        passWanted.set(false);
        publishPending()
                .onTermination().invoke(() -> passRunning.set(false))
                .subscribe().with(this::afterPass, e -> LOG.warnf("outbox relay pass failed: %s", e.getMessage()));
    }

    /** A full batch, or a commit announced during the pass, means more may be waiting: the next pass starts at once. */
    private void afterPass(int sent) {
        if (sent >= settings.batchSize() || passWanted.get()) {
            poll();
        }
    }

    /** One relay pass; returns how many events the broker accepted. */
    public Uni<Integer> publishPending() {
        return pool.withTransaction(connection -> claim(connection)
                .chain(rows -> publishInOrder(rows)
                        .chain(sent -> markSent(connection, sent).replaceWith(sent.size()))));
    }

    private Uni<List<PendingEvent>> claim(SqlConnection connection) {
        return connection.preparedQuery("select id, address, envelope, created_at from outbox_event "
                        + "where sent_at is null order by id limit $1 for update skip locked")
                .execute(Tuple.of(settings.batchSize()))
                .map(rows -> {
                    List<PendingEvent> pending = new ArrayList<>();
                    for (Row row : rows) {
                        pending.add(new PendingEvent(row.getLong("id"), row.getString("address"),
                                row.getString("envelope"), row.getOffsetDateTime("created_at")));
                    }
                    return pending;
                });
    }

    /** Sends one by one and stops at the first refusal so that order is kept; the rest wait for the next pass. */
    private Uni<List<Long>> publishInOrder(List<PendingEvent> pending) {
        List<Long> sent = new ArrayList<>();
        return Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(event -> send(event).invoke(() -> {
                    sent.add(event.id());
                    lag.record(Duration.between(event.createdAt(), OffsetDateTime.now()));
                }))
                .collect().last()
                .onFailure().invoke(e -> LOG.warnf("broker refused an outbox event, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWith(sent);
    }

    private Uni<Void> send(PendingEvent event) {
        OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder()
                .withAddress(event.address())
                .withDurable(true)
                .withContentType("application/cloudevents+json")
                .build();
        return emitter.sendMessage(Message.of(event.envelope(), Metadata.of(amqp)))
                .ifNoItem().after(settings.sendTimeout())
                .failWith(() -> new IllegalStateException("the broker did not accept event " + event.id() + " within "
                        + settings.sendTimeout().toMillis() + " ms"));
    }

    private Uni<Void> markSent(SqlConnection connection, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update outbox_event set sent_at = now(), attempts = attempts + 1 "
                        + "where id = any($1)")
                .execute(Tuple.of(ids.toArray(new Long[0])))
                .replaceWithVoid();
    }

    /** Drops events that were sent long ago; unsent ones are never pruned. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return pool.preparedQuery("delete from outbox_event where sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) settings.retention().toSeconds()))
                .replaceWithVoid();
    }

    private record PendingEvent(long id, String address, String envelope, OffsetDateTime createdAt) {
    }
}
