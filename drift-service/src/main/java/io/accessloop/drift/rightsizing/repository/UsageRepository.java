package io.accessloop.drift.rightsizing.repository;

import io.accessloop.drift.rightsizing.domain.UsedAction;
import io.accessloop.drift.rightsizing.usage.ObservedCall;
import io.accessloop.drift.rightsizing.usage.UsageCount;
import io.accessloop.drift.rightsizing.usage.UsageKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compact usage rows and refused calls (native SQL: upserts); callers run inside a transaction. */
@ApplicationScoped
public class UsageRepository {

    private static final int ROWS_PER_STATEMENT = 100;

    /** Adds the counts to the stored rows (first/last seen widened). */
    public Uni<Void> add(Map<UsageKey, UsageCount> rows) {
        List<Map.Entry<UsageKey, UsageCount>> all = new ArrayList<>(rows.entrySet());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            List<Map.Entry<UsageKey, UsageCount>> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
            chain = chain.chain(() -> upsert(chunk));
        }
        return chain;
    }

    private Uni<Void> upsert(List<Map.Entry<UsageKey, UsageCount>> chunk) {
        StringBuilder sql = new StringBuilder("insert into rs_usage_daily (principal_arn, action, resource, day, allowed, "
                + "denied, first_seen, last_seen) values ");
        for (int i = 0; i < chunk.size(); i++) {
            int b = i * 8;
            sql.append(i == 0 ? "" : ", ").append("(?").append(b + 1).append(", ?").append(b + 2).append(", ?")
                    .append(b + 3).append(", ?").append(b + 4).append(", ?").append(b + 5).append(", ?").append(b + 6)
                    .append(", ?").append(b + 7).append(", ?").append(b + 8).append(')');
        }
        sql.append(" on conflict (principal_arn, action, resource, day) do update set "
                + "allowed = rs_usage_daily.allowed + excluded.allowed, denied = rs_usage_daily.denied + excluded.denied, "
                + "first_seen = least(rs_usage_daily.first_seen, excluded.first_seen), "
                + "last_seen = greatest(rs_usage_daily.last_seen, excluded.last_seen)");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                int b = i * 8;
                UsageKey k = chunk.get(i).getKey();
                UsageCount c = chunk.get(i).getValue();
                query.setParameter(b + 1, k.principalArn()).setParameter(b + 2, k.action())
                        .setParameter(b + 3, k.resource()).setParameter(b + 4, k.day())
                        .setParameter(b + 5, c.allowed()).setParameter(b + 6, c.denied())
                        .setParameter(b + 7, utc(c.firstSeen())).setParameter(b + 8, utc(c.lastSeen()));
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /** Stores refused calls once each (by event id). */
    public Uni<Void> addDenied(List<ObservedCall> calls) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ObservedCall call : calls) {
            if (call.eventId() == null) {
                continue;
            }
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                            "insert into rs_denied_call (event_id, principal_arn, action, event_time) values (?1, ?2, ?3, ?4) "
                                    + "on conflict do nothing")
                    .setParameter(1, call.eventId()).setParameter(2, call.principalArn()).setParameter(3, call.action())
                    .setParameter(4, utc(call.time())).executeUpdate()).replaceWithVoid());
        }
        return chain;
    }

    /** Allowed use of each action (and resource) by the principal since the day of {@code from}. */
    public Uni<List<UsedAction>> usedSince(String principalArn, Instant from) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select action, resource, sum(allowed), max(last_seen) from rs_usage_daily "
                                + "where principal_arn = ?1 and day >= ?2 and allowed > 0 group by action, resource "
                                + "order by action, resource", Object[].class)
                .setParameter(1, principalArn).setParameter(2, LocalDate.ofInstant(from, ZoneOffset.UTC))
                .getResultList())
                .map(rows -> rows.stream().map(r -> new UsedAction((String) r[0], (String) r[1],
                        ((Number) r[2]).longValue(), instant(r[3]))).toList());
    }

    /** The last allowed use ever stored, per action. */
    public Uni<Map<String, Instant>> lastUse(String principalArn) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select action, max(last_seen) from rs_usage_daily where principal_arn = ?1 and allowed > 0 "
                                + "group by action", Object[].class)
                .setParameter(1, principalArn).getResultList())
                .map(rows -> {
                    Map<String, Instant> out = new HashMap<>();
                    rows.forEach(r -> out.put((String) r[0], instant(r[1])));
                    return out;
                });
    }

    /** Refused calls of the principal at or after {@code since}. */
    public Uni<Long> deniedSince(String principalArn, Instant since) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select count(*) from rs_denied_call where principal_arn = ?1 and event_time >= ?2", Long.class)
                .setParameter(1, principalArn).setParameter(2, utc(since)).getSingleResult());
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected time value " + value.getClass());
    }
}
