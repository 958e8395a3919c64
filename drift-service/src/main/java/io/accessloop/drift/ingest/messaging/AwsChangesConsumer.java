package io.accessloop.drift.ingest.messaging;

import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.drift.ingest.service.ChangeProcessor;
import io.accessloop.drift.rightsizing.service.StreamUsage;
import io.accessloop.kit.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Processes stored AWS notifications from {@code accessloop.aws.changes}, once per envelope, and records their usage. */
@ApplicationScoped
public class AwsChangesConsumer {

    public static final String CHANNEL = "awschanges";
    static final String CONSUMER = "drift-aws-changes";

    private final Inbox inbox;
    private final EventCodec codec;
    private final ChangeProcessor processor;
    private final StreamUsage usage;

    AwsChangesConsumer(Inbox inbox, EventCodec codec, ChangeProcessor processor, StreamUsage usage) {
        this.inbox = inbox;
        this.codec = codec;
        this.processor = processor;
        this.usage = usage;
    }

    @Incoming(CHANNEL)
    Uni<Void> onChange(Object body) {
        return inbox.receive(CONSUMER, body, event -> {
            if (!EventTypes.CHANGE_RECEIVED.type().equals(event.type())) {
                return Uni.createFrom().voidItem();
            }
            String rawEventId = codec.payload(event, EventTypes.CHANGE_RECEIVED).rawEventId();
            // a CloudTrail call is also usage evidence for right-sizing, recorded in the same transaction
            return processor.process(rawEventId).chain(() -> usage.record(rawEventId).replaceWithVoid());
        });
    }
}
