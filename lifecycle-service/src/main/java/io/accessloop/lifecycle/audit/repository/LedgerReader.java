package io.accessloop.lifecycle.audit.repository;

import io.accessloop.lifecycle.audit.domain.LedgerEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads the ledger with the typed SQL client (exact timestamps, no session needed); writing is {@code AuditLedger}'s job. */
@ApplicationScoped
public class LedgerReader {

    private static final String COLUMNS = "seq, entry_id, recorded_at, occurred_at, kind, source, subject, identity, "
            + "grant_id, principal_arn, event_id, content, prev_hash, hash";

    private final Pool pool;

    LedgerReader(Pool pool) {
        this.pool = pool;
    }

    /** The newest link: sequence number and hash. */
    public Uni<Head> head() {
        return pool.query("select seq, hash from audit_head where id = 1").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Head(row.getLong("seq"), row.getString("hash"));
                });
    }

    /** Entries with {@code afterSeq < seq <= untilSeq} in chain order, at most {@code limit}. */
    public Uni<List<LedgerEntry>> chain(long afterSeq, long untilSeq, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from audit_entry where seq > $1 and seq <= $2 "
                        + "order by seq limit $3")
                .execute(Tuple.of(afterSeq, untilSeq, limit))
                .map(LedgerReader::entries);
    }

    /**
     * A page of entries matching {@code filter}; {@code newestFirst} pages backwards from {@code cursorSeq}
     * (exclusive), otherwise forwards from it.
     */
    public Uni<List<LedgerEntry>> page(LedgerFilter filter, Long cursorSeq, int limit, boolean newestFirst) {
        return page(filter, cursorSeq, null, limit, newestFirst);
    }

    /**
     * As {@link #page(LedgerFilter, Long, int, boolean)}, never past {@code untilSeq} (inclusive; null: no bound),
     * so a walk that started at a head does not chase entries appended after it.
     */
    public Uni<List<LedgerEntry>> page(LedgerFilter filter, Long cursorSeq, Long untilSeq, int limit,
                                       boolean newestFirst) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        condition(where, params, "identity = ", filter.identity());
        condition(where, params, "grant_id = ", filter.grantId());
        condition(where, params, "principal_arn = ", filter.principalArn());
        condition(where, params, "kind = ", filter.kind());
        condition(where, params, "occurred_at >= ", filter.from() == null ? null
                : OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        condition(where, params, "occurred_at < ", filter.to() == null ? null
                : OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        condition(where, params, newestFirst ? "seq < " : "seq > ", cursorSeq);
        condition(where, params, "seq <= ", untilSeq);
        params.add(limit);
        String sql = "select " + COLUMNS + " from audit_entry" + where + " order by seq "
                + (newestFirst ? "desc" : "asc") + " limit $" + params.size();
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(LedgerReader::entries);
    }

    private static void condition(StringBuilder where, List<Object> params, String clause, Object value) {
        if (value != null) {
            params.add(value);
            where.append(" and ").append(clause).append('$').append(params.size());
        }
    }

    private static List<LedgerEntry> entries(Iterable<Row> rows) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            entries.add(new LedgerEntry(row.getLong("seq"), row.getString("entry_id"),
                    row.getOffsetDateTime("recorded_at").toInstant(), row.getOffsetDateTime("occurred_at").toInstant(),
                    row.getString("kind"), row.getString("source"), row.getString("subject"),
                    row.getString("identity"), row.getString("grant_id"), row.getString("principal_arn"),
                    row.getString("event_id"), row.getString("content"), row.getString("prev_hash"),
                    row.getString("hash")));
        }
        return entries;
    }

    /** The ledger head as stored. */
    public record Head(long seq, String hash) {
    }
}
