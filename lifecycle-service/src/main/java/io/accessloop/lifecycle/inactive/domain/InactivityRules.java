package io.accessloop.lifecycle.inactive.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what the sweep does to one user. Exempt users (tag {@code accessloop:exempt-until} in the future) are
 * left alone; an expired or unreadable exemption does not protect.
 */
public final class InactivityRules {

    public static final String EXEMPT_UNTIL_TAG = "accessloop:exempt-until";
    public static final String DISABLED_AT_TAG = "accessloop:disabled-at";
    public static final String KEY_NOTICE_TAG_PREFIX = "accessloop:key-notice-";

    private InactivityRules() {
    }

    public static List<InactivityAction> decide(UserActivity user, Instant now, InactivityPolicy policy) {
        Instant exemptUntil = instant(user.tags().get(EXEMPT_UNTIL_TAG));
        if (exemptUntil != null && exemptUntil.isAfter(now)) {
            return List.of();
        }
        Instant disabledAt = instant(user.tags().get(DISABLED_AT_TAG));
        if (disabledAt != null) {
            if (!now.isBefore(disabledAt.plus(policy.deleteAfter()))) {
                return List.of(new InactivityAction(InactivityAction.Kind.DELETE_USER, user.userName(), null,
                        "disabled since " + disabledAt + " for at least " + policy.deleteAfter()));
            }
            return List.of();
        }
        Instant last = user.lastActivity();
        if (!now.isBefore(last.plus(policy.disableAfter()))) {
            return List.of(new InactivityAction(InactivityAction.Kind.DISABLE_USER, user.userName(), null,
                    "no console sign-in and no key use since " + last));
        }
        List<InactivityAction> actions = new ArrayList<>();
        for (KeyActivity key : user.keys()) {
            if (!key.active() || now.isBefore(key.createdAt().plus(policy.keyMaxAge()))) {
                continue;
            }
            Instant noticed = instant(user.tags().get(KEY_NOTICE_TAG_PREFIX + key.keyId()));
            if (noticed == null) {
                actions.add(new InactivityAction(InactivityAction.Kind.NOTIFY_KEY, user.userName(), key.keyId(),
                        "key older than " + policy.keyMaxAge() + "; deactivated after " + policy.keyNotice()));
            } else if (!now.isBefore(noticed.plus(policy.keyNotice()))) {
                actions.add(new InactivityAction(InactivityAction.Kind.DEACTIVATE_KEY, user.userName(), key.keyId(),
                        "key older than " + policy.keyMaxAge() + ", notice given " + noticed));
            }
        }
        return actions;
    }

    /** ISO instant or ISO date (midnight UTC); null when absent or unreadable. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

}
