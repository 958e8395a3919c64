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

    /**
     * The last allowed use ever stored, per action: CloudTrail usage and the last-accessed details other sources
     * (Access Analyzer) reported.
     */
    public Uni<Map<String, Instant>> lastUse(String principalArn) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select action, max(t) from (select action, last_seen as t from rs_usage_daily "
                                + "where principal_arn = ?1 and allowed > 0 union all select action, last_accessed "
                                + "from rs_external_last_access where principal_arn = ?1) used group by action",
                        Object[].class)
                .setParameter(1, principalArn).getResultList())
                .map(rows -> {
                    Map<String, Instant> out = new HashMap<>();
                    rows.forEach(r -> out.put((String) r[0], instant(r[1])));
                    return out;
                });
    }

    /** Records another source's last use of actions by a principal (the latest time wins). */
    public Uni<Void> addExternalLastAccess(String principalArn, String source, Map<String, Instant> lastAccessed,
                                           Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, Instant> e : lastAccessed.entrySet()) {
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                            "insert into rs_external_last_access (principal_arn, action, source, last_accessed, updated_at) "
                                    + "values (?1, ?2, ?3, ?4, ?5) on conflict (principal_arn, action, source) do update "
                                    + "set last_accessed = greatest(rs_external_last_access.last_accessed, "
                                    + "excluded.last_accessed), updated_at = excluded.updated_at")
                    .setParameter(1, principalArn).setParameter(2, e.getKey()).setParameter(3, source)
                    .setParameter(4, utc(e.getValue())).setParameter(5, utc(now)).executeUpdate()).replaceWithVoid());
        }
        return chain;
    }

    /** The other sources (besides CloudTrail) that reported last-accessed details for the principal. */
    public Uni<List<String>> externalSources(String principalArn) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select distinct source from rs_external_last_access where principal_arn = ?1 order by source",
                        String.class).setParameter(1, principalArn).getResultList());
    }

    /**
     * Remembers CloudTrail events by id and answers the ids not seen before, so an event that reaches Accessloop
     * through both LookupEvents and the EventBridge stream is counted once.
     */
    public Uni<java.util.Set<String>> firstSeen(Map<String, Instant> eventTimes) {
        List<Map.Entry<String, Instant>> all = new ArrayList<>(eventTimes.entrySet());
        java.util.Set<String> fresh = new java.util.HashSet<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            List<Map.Entry<String, Instant>> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
            chain = chain.chain(() -> {
                StringBuilder sql = new StringBuilder("insert into rs_seen_event (event_id, event_time) values ");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2)
                            .append(')');
                }
                sql.append(" on conflict do nothing returning event_id");
                return Panache.getSession().chain(s -> {
                    var query = s.createNativeQuery(sql.toString(), String.class);
                    for (int i = 0; i < chunk.size(); i++) {
                        query.setParameter(2 * i + 1, chunk.get(i).getKey())
                                .setParameter(2 * i + 2, utc(chunk.get(i).getValue()));
                    }
                    return query.getResultList();
                }).invoke(fresh::addAll).replaceWithVoid();
            });
        }
        return chain.replaceWith(fresh);
    }

    /** Forgets event ids older than {@code before} (no source delivers them any more). */
    public Uni<Integer> forgetSeenBefore(Instant before) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from rs_seen_event where event_time < ?1")
                .setParameter(1, utc(before)).executeUpdate());
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
