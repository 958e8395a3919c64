package io.accessloop.kit.outbox;

import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores an event in the same database transaction as the state change it describes.
 * The {@link OutboxRelay} publishes it afterwards, so a crash between commit and publish loses nothing.
 */
@ApplicationScoped
public class Outbox {

    /** PostgreSQL notification channel announcing, at commit, that events were appended (the relay listens). */
    public static final String NOTIFY_CHANNEL = "accessloop_outbox";
    private static final int COLUMNS = 6;
    /** PostgreSQL takes at most 65,535 parameters in one statement. */
    private static final int ROWS_PER_INSERT = 1000;

    private final EventCodec codec;
    private final OutboxSettings settings;
    private final Clock clock;

    Outbox(EventCodec codec, OutboxSettings settings, Clock clock) {
        this.codec = codec;
        this.settings = settings;
        this.clock = clock;
    }

    /** Appends an event; must run inside the caller's {@code Panache.withTransaction}. */
    public <T> Uni<CloudEvent> append(EventType<T> type, String subject, T payload) {
        return appendAll(type, List.of(new Item<>(subject, payload))).map(events -> events.get(0));
    }

    /**
     * Appends many events of one type, in order, with multi-row inserts (a sweep that ends thousands of grants writes
     * a few statements, not thousands); must run inside the caller's {@code Panache.withTransaction}.
     */
    public <T> Uni<List<CloudEvent>> appendAll(EventType<T> type, List<Item<T>> items) {
        List<CloudEvent> events = new ArrayList<>(items.size());
        for (Item<T> item : items) {
            events.add(CloudEvent.create(type, settings.source(), item.subject(), item.payload(), clock.instant(), codec));
        }
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.append must run inside the transaction of the state change"))
                .chain(tx -> Panache.getSession())
                .chain(session -> Multi.createFrom().iterable(chunks(events))
                        .onItem().transformToUniAndConcatenate(chunk -> insert(session, type, chunk))
                        .collect().last())
                .replaceWith(events);
    }

    /**
     * One multi-row insert that also queues a notification for the relay; PostgreSQL delivers it only when (and if)
     * the transaction commits, and folds repeats within one transaction into one.
     */
    private Uni<Object> insert(Mutiny.Session session, EventType<?> type, List<CloudEvent> events) {
        StringBuilder sql = new StringBuilder(
                "with appended as (insert into outbox_event (event_id, address, type, subject, envelope, created_at) values ");
        for (int row = 0; row < events.size(); row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int col = 1; col <= COLUMNS; col++) {
                sql.append(col == 1 ? "" : ", ").append('?').append(row * COLUMNS + col);
            }
            sql.append(')');
        }
        sql.append(" returning id) select count(*) from appended, pg_notify('").append(NOTIFY_CHANNEL).append("', '')");
        var query = session.createNativeQuery(sql.toString());
        int p = 0;
        for (CloudEvent event : events) {
            query.setParameter(++p, event.id())
                    .setParameter(++p, type.address())
                    .setParameter(++p, type.type())
                    .setParameter(++p, event.subject())
                    .setParameter(++p, codec.encode(event))
                    .setParameter(++p, OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC));
        }
        return query.getSingleResult();
    }

    private static List<List<CloudEvent>> chunks(List<CloudEvent> events) {
        List<List<CloudEvent>> chunks = new ArrayList<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            chunks.add(events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT)));
        }
        return chunks;
    }

    /** One event of {@link #appendAll}: its CloudEvents subject and payload. */
    public record Item<T>(String subject, T payload) {
    }
}
