package io.accessloop.drift.ingest.messaging;

import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.MalformedEventException;
import io.accessloop.drift.ingest.config.ProcessingSettings;
import io.accessloop.drift.ingest.service.ChangeProcessor;
import io.accessloop.drift.ingest.service.StoredChange;
import io.accessloop.drift.rightsizing.service.StreamUsage;
import io.accessloop.kit.inbox.Inbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Processes stored AWS notifications from {@code accessloop.aws.changes}, once per envelope, and records their usage.
 * Several changes are processed at once ({@code accessloop.drift.processing.concurrency}), each in its own inbox
 * transaction; changes to the same resource, and the CloudTrail calls on it, run one after another in arrival order
 * (so a short-lived state between two changes is still evaluated). Each message is acknowledged when its
 * transaction committed, and rejected for redelivery when it failed.
 */
@ApplicationScoped
public class AwsChangesConsumer {

    public static final String CHANNEL = "awschanges";
    static final String CONSUMER = "drift-aws-changes";

    private final Inbox inbox;
    private final EventCodec codec;
    private final ChangeProcessor processor;
    private final StreamUsage usage;
    private final Vertx vertx;
    private final ChangeLanes lanes;

    AwsChangesConsumer(Inbox inbox, EventCodec codec, ChangeProcessor processor, StreamUsage usage, Vertx vertx,
                       ProcessingSettings settings, MeterRegistry registry) {
        this.inbox = inbox;
        this.codec = codec;
        this.processor = processor;
        this.usage = usage;
        this.vertx = vertx;
        this.lanes = new ChangeLanes(settings.concurrency(), settings.maxPending());
        Gauge.builder("accessloop_drift_changes_in_flight", lanes, ChangeLanes::running)
                .description("Stored changes being processed now").register(registry);
        Gauge.builder("accessloop_drift_changes_pending", lanes, ChangeLanes::pending)
                .description("Stored changes taken from accessloop.aws.changes and not yet finished").register(registry);
    }

    /** Completes once the change has its place in a lane; it is processed, and acknowledged, later. */
    @Incoming(CHANNEL)
    Uni<Void> onChange(Message<Object> message) {
        // the message's own (duplicated) context: its transaction runs there, whenever its lane gets to it
        Context context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
        return prepare(message.getPayload()).chain(work -> Uni.createFrom().completionStage(
                lanes.submit(work.orderingKey(), () -> run(context, work, message))));
    }

    /** Decodes the envelope and reads the stored notification it names (outside any transaction). */
    private Uni<Work> prepare(Object body) {
        CloudEvent event;
        try {
            event = codec.decode(text(body));
        } catch (MalformedEventException e) {
            return Uni.createFrom().item(new Work(body, null, null));
        }
        if (!EventTypes.CHANGE_RECEIVED.type().equals(event.type())) {
            return Uni.createFrom().item(new Work(body, event, null));
        }
        String rawEventId;
        try {
            rawEventId = codec.payload(event, EventTypes.CHANGE_RECEIVED).rawEventId();
        } catch (RuntimeException e) {
            // decoded again inside the transaction, which then fails the same way
            return Uni.createFrom().item(new Work(body, event, null));
        }
        return processor.load(rawEventId).map(change -> new Work(body, event, change))
                // the database is unavailable: the transaction will find out again and the message is redelivered
                .onFailure().recoverWithItem(e -> new Work(body, event, null));
    }

    private CompletionStage<?> run(Context context, Work work, Message<Object> message) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored -> process(work).subscribe().with(
                ok -> message.ack().whenComplete((v, e) -> done.complete(null)),
                failure -> message.nack(failure).whenComplete((v, e) -> done.complete(null))));
        return done;
    }

    private Uni<Void> process(Work work) {
        if (work.event() == null) {
            // malformed: the inbox counts, logs and drops it
            return inbox.receive(CONSUMER, work.body(), event -> Uni.createFrom().voidItem());
        }
        return inbox.once(CONSUMER, work.event(), event -> {
            if (!EventTypes.CHANGE_RECEIVED.type().equals(event.type())) {
                return Uni.createFrom().voidItem();
            }
            Uni<StoredChange> change = work.change() != null ? Uni.createFrom().item(work.change())
                    : processor.load(codec.payload(event, EventTypes.CHANGE_RECEIVED).rawEventId());
            // a CloudTrail call is also usage evidence for right-sizing, recorded in the same transaction
            return change.call(processor::process)
                    .chain(loaded -> usage.record(loaded.notification()).replaceWithVoid());
        });
    }

    private static String text(Object body) {
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        // String, and Vert.x JsonObject and Buffer, render their JSON text through toString()
        return body == null ? null : body.toString();
    }

    /** A message and what was learnt of it before its transaction; {@code event} is null when it is malformed. */
    private record Work(Object body, CloudEvent event, StoredChange change) {

        String orderingKey() {
            if (change != null) {
                return change.orderingKey();
            }
            return event != null ? event.id() : "";
        }
    }
}
