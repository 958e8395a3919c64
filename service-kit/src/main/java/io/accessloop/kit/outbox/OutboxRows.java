package io.accessloop.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The statements a relay pass runs on {@code outbox_event}, each a single round trip whatever the batch size. */
final class OutboxRows {

    private static final Logger LOG = Logger.getLogger(OutboxRows.class);

    private OutboxRows() {
    }

    /** The oldest unsent rows no other pass holds, locked until the pass's transaction ends. */
    static Uni<List<PendingEvent>> claim(SqlConnection connection, int batchSize) {
        return connection.preparedQuery("select id, address, subject, envelope, created_at from outbox_event "
                        + "where sent_at is null order by id limit $1 for update skip locked")
                .execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<PendingEvent> pending = new ArrayList<>();
                    for (Row row : rows) {
                        pending.add(new PendingEvent(row.getLong("id"), row.getString("address"),
                                row.getString("subject"), row.getString("envelope"),
                                row.getOffsetDateTime("created_at")));
                    }
                    return pending;
                });
    }

    /**
     * Leaves out claimed rows that an earlier unsent row of the same subject, not claimed here, must precede: a row
     * another replica's pass holds (skipped by {@code skip locked}) or one committed after this claim. Sending them
     * now could overtake it; they wait for a later pass. Reads only unsent rows below the newest claimed one.
     */
    static Uni<List<PendingEvent>> withoutRowsBehindOtherPasses(SqlConnection connection, List<PendingEvent> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(claimed);
        }
        Set<String> subjects = new HashSet<>();
        Long[] ids = new Long[claimed.size()];
        for (int i = 0; i < claimed.size(); i++) {
            subjects.add(claimed.get(i).subject());
            ids[i] = claimed.get(i).id();
        }
        return connection.preparedQuery("select subject, min(id) as first_id from outbox_event "
                        + "where sent_at is null and id < $1 and subject = any($2) and not (id = any($3)) "
                        + "group by subject")
                .execute(Tuple.of(ids[ids.length - 1], subjects.toArray(new String[0]), ids))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return claimed;
                    }
                    Map<String, Long> firstElsewhere = new HashMap<>();
                    for (Row row : rows) {
                        firstElsewhere.put(row.getString("subject"), row.getLong("first_id"));
                    }
                    List<PendingEvent> sendable = new ArrayList<>(claimed.size());
                    for (PendingEvent event : claimed) {
                        Long first = firstElsewhere.get(event.subject());
                        if (first == null || event.id() < first) {
                            sendable.add(event);
                        }
                    }
                    LOG.debugf("outbox relay: %d claimed events wait behind earlier events of their subjects",
                            claimed.size() - sendable.size());
                    return sendable;
                });
    }

    /** One UPDATE for every event the broker accepted in this pass. */
    static Uni<Void> markSent(SqlConnection connection, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update outbox_event set sent_at = now(), attempts = attempts + 1 "
                        + "where id = any($1)")
                .execute(Tuple.of(ids.toArray(new Long[0])))
                .replaceWithVoid();
    }

    /** Counts the failed attempt and keeps its error on each refused row (one UPDATE), so an operator sees why. */
    static Uni<Void> recordRefusals(SqlConnection connection, List<SubjectOrderedSends.Refusal> refused) {
        if (refused.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] ids = new Long[refused.size()];
        String[] errors = new String[refused.size()];
        for (int i = 0; i < refused.size(); i++) {
            ids[i] = refused.get(i).id();
            errors[i] = refused.get(i).error();
        }
        return connection.preparedQuery("update outbox_event as o set attempts = o.attempts + 1, last_error = r.error "
                        + "from unnest($1::bigint[], $2::text[]) as r(id, error) where o.id = r.id")
                .execute(Tuple.of(ids, errors))
                .replaceWithVoid();
    }

    /** Drops events that were sent before {@code retention} ago; unsent ones are never pruned. */
    static Uni<Void> pruneSentBefore(Pool pool, Duration retention) {
        return pool.preparedQuery("delete from outbox_event where sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds()))
                .replaceWithVoid();
    }
}
