package io.accessloop.lifecycle.expiry.repository;

import io.accessloop.lifecycle.config.LifecycleSettings;
import io.accessloop.lifecycle.expiry.domain.ReminderPlan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The reminder rows of grants ({@code grant_reminder}); every method runs in the caller's transaction. */
@ApplicationScoped
public class GrantReminders {

    private final ReminderPlan plan;

    GrantReminders(LifecycleSettings settings) {
        this.plan = new ReminderPlan(settings.expiry().reminders());
    }

    public ReminderPlan plan() {
        return plan;
    }

    /**
     * Plans the reminders of a grant ending at {@code endsAt}. A lead already planned for that same end is left as
     * it is (a redelivered or repeated event sends nothing twice); a moved end re-plans every lead; reminders of
     * leads no longer configured are cancelled.
     */
    public Uni<Void> replan(String grantId, Instant endsAt, Instant now) {
        List<ReminderPlan.PlannedReminder> planned = plan.plan(endsAt, now);
        OffsetDateTime at = utc(now);
        return Panache.getSession().chain(session -> Multi.createFrom().iterable(planned)
                .onItem().transformToUniAndConcatenate(r -> session.createNativeQuery(
                                "insert into grant_reminder (grant_id, lead_seconds, ends_at, due_at, status, updated_at) "
                                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (grant_id, lead_seconds) do update "
                                        + "set ends_at = excluded.ends_at, due_at = excluded.due_at, "
                                        + "status = excluded.status, sent_at = null, updated_at = excluded.updated_at "
                                        + "where grant_reminder.ends_at <> excluded.ends_at")
                        .setParameter(1, grantId)
                        .setParameter(2, r.lead().toSeconds())
                        .setParameter(3, utc(endsAt))
                        .setParameter(4, utc(r.dueAt()))
                        .setParameter(5, r.skipped() ? "SKIPPED" : "PENDING")
                        .setParameter(6, at)
                        .executeUpdate())
                .collect().asList()
                .chain(() -> planned.isEmpty() ? cancel(grantId, now) : session.createNativeQuery(
                                "update grant_reminder set status = 'CANCELLED', updated_at = :at where grant_id = :id "
                                        + "and status = 'PENDING' and (ends_at <> :end or lead_seconds not in (:leads))")
                        .setParameter("id", grantId)
                        .setParameter("at", at)
                        .setParameter("end", utc(endsAt))
                        .setParameter("leads", planned.stream().map(r -> r.lead().toSeconds()).toList())
                        .executeUpdate().replaceWithVoid()))
                .replaceWithVoid();
    }

    /**
     * The grant ended for good: nothing more is sent for it, and the record of what was sent is dropped (an ended
     * grant never becomes active again, so it can never be reminded twice).
     */
    public Uni<Void> ended(String grantId, Instant now) {
        return cancel(grantId, now).chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                        "delete from grant_reminder_sent where grant_id = ?1")
                .setParameter(1, grantId)
                .executeUpdate()).replaceWithVoid();
    }

    /** The grant ended (or its revoke went out): nothing more is sent for it. */
    public Uni<Void> cancel(String grantId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update grant_reminder set status = 'CANCELLED', updated_at = ?2 "
                                + "where grant_id = ?1 and status = 'PENDING'")
                .setParameter(1, grantId)
                .setParameter(2, utc(now))
                .executeUpdate()).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
