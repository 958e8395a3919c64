package io.accessloop.lifecycle.expiry.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When a grant's reminders fall due. Each configured lead gives one reminder {@code lead} before the end. A lead
 * whose time has already passed when the end is planned is skipped (never sent late), except the shortest one:
 * while the grant still runs, its owner gets that one at once, so even a short grant announces its end.
 */
public final class ReminderPlan {

    private final List<Duration> leads;

    /** @param leads how long before the end each reminder is due; positive, duplicates ignored */
    public ReminderPlan(List<Duration> leads) {
        Objects.requireNonNull(leads, "leads");
        for (Duration lead : leads) {
            if (lead == null || lead.isNegative() || lead.isZero() || lead.getNano() != 0) {
                throw new IllegalArgumentException("reminder leads must be whole positive seconds, got " + lead);
            }
        }
        this.leads = leads.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }

    public List<Duration> leads() {
        return leads;
    }

    /** The reminders of a grant ending at {@code endsAt}, planned at {@code now}; none when it already ended. */
    public List<PlannedReminder> plan(Instant endsAt, Instant now) {
        if (leads.isEmpty() || !endsAt.isAfter(now)) {
            return List.of();
        }
        Duration shortest = leads.get(leads.size() - 1);
        List<PlannedReminder> planned = new ArrayList<>(leads.size());
        for (Duration lead : leads) {
            Instant due = endsAt.minus(lead);
            if (due.isAfter(now)) {
                planned.add(new PlannedReminder(lead, due, false));
            } else if (lead.equals(shortest)) {
                planned.add(new PlannedReminder(lead, now, false));
            } else {
                planned.add(new PlannedReminder(lead, due, true));
            }
        }
        return planned;
    }

    /**
     * One reminder of a grant.
     *
     * @param lead    how long before the end
     * @param dueAt   when it is to be sent
     * @param skipped its time had passed when planned: it is recorded but never sent
     */
    public record PlannedReminder(Duration lead, Instant dueAt, boolean skipped) {
    }
}
