package io.accessloop.lifecycle.expiry.domain;

import java.time.Instant;

/**
 * What becomes of a due reminder. It is sent only while its grant is active and still ends where the reminder was
 * planned for; otherwise it is cancelled. When a shorter lead of the same grant is due as well (the service was
 * down), the longer one would arrive late and is skipped. Each verdict depends on the reminder's own row and the
 * database state only, never on which sweep claimed which rows, so replicas splitting a batch agree.
 */
public final class ReminderVerdicts {

    private ReminderVerdicts() {
    }

    public static Verdict settle(DueReminder r, Instant now) {
        boolean live = r.grantState() == GrantState.ACTIVE && r.grantEnd() != null && r.grantEnd().isAfter(now)
                && r.grantEnd().equals(r.plannedEnd());
        if (!live) {
            return Verdict.CANCEL;
        }
        return r.shorterLeadDue() ? Verdict.SKIP : Verdict.SEND;
    }

    /** Send it, skip it (superseded by a shorter lead), or cancel it (the grant ended or moved its end). */
    public enum Verdict {
        SEND, SKIP, CANCEL
    }
}
