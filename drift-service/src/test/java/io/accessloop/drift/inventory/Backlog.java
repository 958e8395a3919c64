package io.accessloop.drift.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.aws.AwsChangeReceived;
import io.accessloop.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Queues stored notifications for processing the way ingestion leaves them (a raw event and its
 * {@code AWS_CHANGE_RECEIVED} envelope in the outbox), all in one transaction, without going through the ingest
 * endpoint: the relay then delivers them to {@code accessloop.aws.changes} as one burst.
 */
final class Backlog {

    private final Pool pool;
    private final EventCodec codec;

    Backlog(Pool pool, EventCodec codec) {
        this.pool = pool;
        this.codec = codec;
    }

    /** Stores every EventBridge event in {@code events} and queues it, in that order; returns the raw event ids. */
    List<String> queue(List<? extends JsonNode> events) {
        return store(events, true);
    }

    /** Stores the events as raw events without queueing them: only a test that processes them itself does. */
    List<String> storeOnly(List<? extends JsonNode> events) {
        return store(events, false);
    }

    private List<String> store(List<? extends JsonNode> events, boolean queued) {
        List<String> ids = new ArrayList<>();
        List<Tuple> raws = new ArrayList<>();
        List<Tuple> envelopes = new ArrayList<>();
        Instant now = Instant.now();
        for (JsonNode event : events) {
            String id = "evt_" + UUID.randomUUID();
            String kind = "aws.config".equals(event.path("source").asText()) ? "config" : "cloudtrail";
            String account = event.path("account").asText();
            ids.add(id);
            raws.add(Tuple.of(id, event.get("id").asText(), kind, account, event.toString(),
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC)));
            CloudEvent envelope = CloudEvent.create(EventTypes.CHANGE_RECEIVED, "/drift-service", id,
                    new AwsChangeReceived(id, kind, account, now), now, codec);
            envelopes.add(Tuple.of(envelope.id(), EventTypes.CHANGE_RECEIVED.address(), EventTypes.CHANGE_RECEIVED.type(),
                    id, codec.encode(envelope)));
        }
        pool.withTransaction(c -> c.preparedQuery("insert into raw_event (id, source_id, kind, account_id, body, "
                                + "received_at) values ($1, $2, $3, $4, $5, $6)").executeBatch(raws)
                        .chain(() -> !queued ? Uni.createFrom().voidItem()
                                : c.preparedQuery("insert into outbox_event (event_id, address, type, subject, "
                                + "envelope) values ($1, $2, $3, $4, $5)").executeBatch(envelopes).replaceWithVoid())
                        .chain(() -> c.query("select pg_notify('" + Outbox.NOTIFY_CHANNEL + "', '')").execute()))
                .await().atMost(Duration.ofMinutes(1));
        return ids;
    }
}
