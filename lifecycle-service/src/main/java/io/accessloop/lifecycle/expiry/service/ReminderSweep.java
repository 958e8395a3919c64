package io.accessloop.lifecycle.expiry.service;

import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.identity.GrantExpiring;
import io.accessloop.lifecycle.audit.service.RecordedOutbox;
import io.accessloop.lifecycle.config.LifecycleSettings;
import io.accessloop.lifecycle.expiry.domain.DueReminder;
import io.accessloop.lifecycle.expiry.domain.GrantState;
import io.accessloop.lifecycle.expiry.domain.ReminderVerdicts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends {@code GRANT_EXPIRING} reminders when they fall due. Due rows are claimed in batches with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas split the work; each batch's reminder states and events commit
 * together, so every reminder is sent once, and a sweep cut short is finished by the next one. A reminder is
 * published only the first time its grant, planned end and lead are recorded in {@code grant_reminder_sent}: an end
 * that moves away and back again is never announced twice with the same lead.
 */
@ApplicationScoped
public class ReminderSweep {

    private static final Logger LOG = Logger.getLogger(ReminderSweep.class);

    private final RecordedOutbox outbox;
    private final Clock clock;
    private final int batchSize;

    ReminderSweep(RecordedOutbox outbox, Clock clock, LifecycleSettings settings) {
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = settings.expiry().batchSize();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("reminder sweep failed, the next one resumes: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Settles every reminder due now; returns how many were sent. */
    public Uni<Integer> sweep() {
        return batch().chain(result -> result.claimed() < batchSize
                ? Uni.createFrom().item(result.sent())
                : sweep().map(more -> more + result.sent()));
    }

    private Uni<Batch> batch() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select r.grant_id, r.lead_seconds, r.ends_at, g.status, "
                                        + "g.ends_at, g.identity, g.entitlement, g.role_arn, exists (select 1 "
                                        + "from grant_reminder s where s.grant_id = r.grant_id and s.ends_at = r.ends_at "
                                        + "and s.lead_seconds < r.lead_seconds and s.due_at <= ?1 "
                                        + "and s.status <> 'CANCELLED') "
                                        + "from grant_reminder r left join grant_schedule g on g.grant_id = r.grant_id "
                                        + "where r.status = 'PENDING' and r.due_at <= ?1 order by r.due_at limit ?2 "
                                        + "for update of r skip locked", Object[].class)
                        .setParameter(1, utc(now))
                        .setParameter(2, batchSize)
                        .getResultList()
                        .chain(rows -> rows.isEmpty()
                                ? Uni.createFrom().item(new Batch(0, 0))
                                : settle(session, rows, now).map(sent -> new Batch(rows.size(), sent)))));
    }

    private Uni<Integer> settle(Mutiny.Session session, List<Object[]> rows, Instant now) {
        List<DueReminder> due = new ArrayList<>(rows.size());
        Map<DueReminder, Object[]> rowOf = new HashMap<>();
        for (Object[] row : rows) {
            DueReminder reminder = new DueReminder((String) row[0], ((Number) row[1]).longValue(), instant(row[2]),
                    row[3] == null ? GrantState.ENDED : GrantState.valueOf((String) row[3]), instant(row[4]),
                    Boolean.TRUE.equals(row[8]));
            due.add(reminder);
            rowOf.put(reminder, row);
        }
        Map<ReminderVerdicts.Verdict, List<DueReminder>> byVerdict = new EnumMap<>(ReminderVerdicts.Verdict.class);
        for (DueReminder r : due) {
            byVerdict.computeIfAbsent(ReminderVerdicts.settle(r, now), k -> new ArrayList<>()).add(r);
        }
        List<DueReminder> candidates = byVerdict.getOrDefault(ReminderVerdicts.Verdict.SEND, List.of());
        return firstSent(session, candidates, now).chain(fresh -> {
            List<DueReminder> send = new ArrayList<>();
            for (DueReminder r : candidates) {
                if (fresh.contains(r.grantId() + "\n" + r.leadSeconds())) {
                    send.add(r);
                } else {
                    // this grant, end and lead were announced before (the end moved away and back): never twice
                    byVerdict.computeIfAbsent(ReminderVerdicts.Verdict.SKIP, k -> new ArrayList<>()).add(r);
                }
            }
            if (send.isEmpty()) {
                byVerdict.remove(ReminderVerdicts.Verdict.SEND);
            } else {
                byVerdict.put(ReminderVerdicts.Verdict.SEND, send);
            }
            List<RecordedOutbox.Outgoing<GrantExpiring>> events = send.stream().map(r -> {
                Object[] row = rowOf.get(r);
                return new RecordedOutbox.Outgoing<>(r.grantId(), new GrantExpiring(r.grantId(), (String) row[5],
                        text(row[6]), text(row[7]), r.grantEnd(), r.leadSeconds(), now), (String) null);
            }).toList();
            return Multi.createFrom().iterable(byVerdict.entrySet())
                    .onItem().transformToUniAndConcatenate(e -> mark(session, e.getValue(), status(e.getKey()), now))
                    .collect().asList()
                    .chain(() -> outbox.publishAll(EventTypes.GRANT_EXPIRING, events))
                    .map(List::size);
        });
    }

    /**
     * Records the reminders about to be sent in {@code grant_reminder_sent}, keyed by grant, planned end and lead;
     * returns the keys ({@code grantId \n lead}) recorded now. A key recorded before is left out: that reminder was
     * already published for that very end.
     */
    private static Uni<Set<String>> firstSent(Mutiny.Session session, List<DueReminder> reminders, Instant now) {
        if (reminders.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < reminders.size(); i++) {
            keys.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 2).append(", ?").append(2 * i + 3).append(')');
        }
        var query = session.createNativeQuery("insert into grant_reminder_sent (grant_id, ends_at, lead_seconds, sent_at) "
                        + "select grant_id, ends_at, lead_seconds, ?1 from grant_reminder "
                        + "where (grant_id, lead_seconds) in (" + keys + ") "
                        + "on conflict do nothing returning grant_id, lead_seconds", Object[].class)
                .setParameter(1, utc(now));
        int p = 1;
        for (DueReminder r : reminders) {
            query.setParameter(++p, r.grantId()).setParameter(++p, r.leadSeconds());
        }
        return query.getResultList().map(rows -> {
            Set<String> fresh = new HashSet<>();
            for (Object[] row : rows) {
                fresh.add(row[0] + "\n" + ((Number) row[1]).longValue());
            }
            return fresh;
        });
    }

    private static Uni<Integer> mark(Mutiny.Session session, List<DueReminder> reminders, String status, Instant now) {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < reminders.size(); i++) {
            keys.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 3).append(", ?").append(2 * i + 4).append(')');
        }
        var query = session.createNativeQuery("update grant_reminder set status = ?1, updated_at = ?2"
                        + (status.equals("SENT") ? ", sent_at = ?2" : "")
                        + " where (grant_id, lead_seconds) in (" + keys + ")")
                .setParameter(1, status)
                .setParameter(2, utc(now));
        int p = 2;
        for (DueReminder r : reminders) {
            query.setParameter(++p, r.grantId()).setParameter(++p, r.leadSeconds());
        }
        return query.executeUpdate();
    }

    private static String status(ReminderVerdicts.Verdict verdict) {
        return switch (verdict) {
            case SEND -> "SENT";
            case SKIP -> "SKIPPED";
            case CANCEL -> "CANCELLED";
        };
    }

    private static String text(Object value) {
        return value == null ? "" : (String) value;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return (Instant) value;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Batch(int claimed, int sent) {
    }
}
