package io.accessloop.broker.support;

import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The where clause and parameters of a list page read with the typed SQL client: every value is a numbered
 * parameter, conditions whose value is null are left out, and the keyset is "ids below the cursor".
 */
public final class ListingFilter {

    private final List<Object> params = new ArrayList<>();
    private final StringBuilder where = new StringBuilder(" where true");

    /** {@code column = value}, unless value is null. */
    public ListingFilter equal(String column, String value) {
        if (value != null) {
            params.add(value);
            where.append(" and ").append(column).append(" = $").append(params.size());
        }
        return this;
    }

    /** {@code column} is one of {@code values}, unless values is null. */
    public ListingFilter anyOf(String column, Collection<String> values) {
        if (values != null) {
            params.add(values.toArray(String[]::new));
            where.append(" and ").append(column).append(" = any($").append(params.size()).append(')');
        }
        return this;
    }

    /** A condition without a value, when {@code applies}. */
    public ListingFilter when(boolean applies, String condition) {
        if (applies) {
            where.append(" and ").append(condition);
        }
        return this;
    }

    /** Ids below {@code cursor} (every id when null). */
    public ListingFilter below(String cursor) {
        if (cursor != null) {
            params.add(cursor);
            where.append(" and id < $").append(params.size());
        }
        return this;
    }

    /** {@code select <columns> from <table> <where> order by id desc limit <limit>}. */
    public String newestFirst(String columns, String table, int limit) {
        params.add(limit);
        return "select " + columns + " from " + table + where + " order by id desc limit $" + params.size();
    }

    public Tuple params() {
        return Tuple.from(params);
    }

    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
