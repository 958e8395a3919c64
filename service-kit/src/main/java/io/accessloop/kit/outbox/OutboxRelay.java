package io.accessloop.kit.outbox;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes stored events in order per subject and marks them sent only after the broker accepted them.
 * Each pass claims a batch with {@code FOR UPDATE SKIP LOCKED}, so several replicas never publish the same row at
 * once, and leaves out rows behind an earlier unsent row of their subject that it did not claim (another replica
 * holds it), so replicas do not overtake each other within a subject either. The batch is sent by
 * {@link SubjectOrderedSends}: up to {@link OutboxSettings#maxInFlight()} sends await the broker at once, never two
 * of one subject. Events of different subjects may therefore reach the broker out of append order; consumers must
 * not rely on order across subjects. The accepted rows are marked sent with one UPDATE at the end of the pass; a
 * relay that dies mid-batch leaves its rows unsent for the next pass (consumers deduplicate by event id). A refusal,
 * or a send the broker never settles within {@link OutboxSettings#sendTimeout()} (an outage that swallowed it, a
 * blocked address), leaves that row and the later rows of its subject for the next pass; other subjects go on
 * (unless the broker refuses everything, see {@link SubjectOrderedSends}).
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
    private final DistributionSummary peakInFlight;
    private final AtomicBoolean passRunning = new AtomicBoolean();
    /** Set when a pass was asked for while one ran: the rows it is about may have been committed too late for it. */
    private final AtomicBoolean passWanted = new AtomicBoolean();
    private volatile boolean stopped;

    OutboxRelay(Pool pool, @Channel(CHANNEL) MutinyEmitter<String> emitter, OutboxSettings settings,
                MeterRegistry registry) {
        OutboxSettingsCheck.requireValid(settings);
        this.pool = pool;
        this.emitter = emitter;
        this.settings = settings;
        this.lag = Timer.builder("accessloop_outbox_lag_seconds")
                .description("Time from commit of an event to the broker accepting it")
                .publishPercentileHistogram()
                .register(registry);
        this.peakInFlight = DistributionSummary.builder("accessloop_outbox_sends_in_flight_peak")
                .description("Most sends awaiting the broker at once in one relay pass (bounded by max-in-flight)")
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
        pass()
                .onTermination().invoke(() -> passRunning.set(false))
                .subscribe().with(this::afterPass, e -> LOG.warnf("outbox relay pass failed: %s", e.getMessage()));
    }

    /**
     * A full batch that got somewhere, or a commit announced during the pass, means more may be waiting: the next
     * pass starts at once. A batch with nothing accepted (the broker is refusing) waits for the timer instead.
     */
    private void afterPass(PassOutcome outcome) {
        if ((outcome.claimed() >= settings.batchSize() && outcome.accepted() > 0) || passWanted.get()) {
            poll();
        }
    }

    /** One relay pass; returns how many events the broker accepted. */
    public Uni<Integer> publishPending() {
        return pass().map(PassOutcome::accepted);
    }

    private Uni<PassOutcome> pass() {
        return pool.withTransaction(connection -> OutboxRows.claim(connection, settings.batchSize())
                .chain(claimed -> OutboxRows.withoutRowsBehindOtherPasses(connection, claimed)
                        .chain(sendable -> SubjectOrderedSends.send(sendable, settings.maxInFlight(), this::send))
                        .invoke(this::recordPeak)
                        .invoke(OutboxRelay::logRefusals)
                        .call(outcome -> OutboxRows.markSent(connection, outcome.accepted()))
                        .call(outcome -> OutboxRows.recordRefusals(connection, outcome.refused()))
                        .map(outcome -> new PassOutcome(claimed.size(), outcome.accepted().size()))));
    }

    /** Passes that sent nothing are left out, so the idle timer does not hide how busy the busy passes were. */
    private void recordPeak(SubjectOrderedSends.Outcome outcome) {
        if (outcome.peakInFlight() > 0) {
            peakInFlight.record(outcome.peakInFlight());
        }
    }

    private static void logRefusals(SubjectOrderedSends.Outcome outcome) {
        if (!outcome.refused().isEmpty()) {
            LOG.warnf("broker refused %d outbox events; they, the %d later events of their subjects and %d events "
                            + "not tried (the broker refused everything) wait for the next pass; first refusal: %s",
                    outcome.refused().size(), outcome.heldBack(), outcome.notTried(),
                    outcome.refused().get(0).error());
        }
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
                        + settings.sendTimeout().toMillis() + " ms"))
                .invoke(() -> lag.record(Duration.between(event.createdAt(), OffsetDateTime.now())));
    }

    /** Drops events that were sent long ago; unsent ones are never pruned. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return OutboxRows.pruneSentBefore(pool, settings.retention());
    }

    /** How many rows a pass claimed and how many of them the broker accepted. */
    private record PassOutcome(int claimed, int accepted) {
    }
}
