package io.accessloop.drift.findings.domain.credentials;

import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.inventory.domain.UserCredentials;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credentials nobody used for the configured number of days: an active key (never used keys count from their
 * creation), a console password, and the user itself when none of its credentials was used.
 */
public final class UnusedCredentialsRule implements CredentialRule {

    public static final String ID = "unused-credentials";

    private final int days;

    public UnusedCredentialsRule(int days) {
        this.days = days;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.LOW;
    }

    @Override
    public List<Violation> evaluate(UserCredentials user, Instant now) {
        List<Violation> out = new ArrayList<>();
        boolean anyRecentUse = false;
        for (UserCredentials.AccessKeySlot k : user.activeKeys()) {
            Instant since = k.lastUsed() != null ? k.lastUsed() : k.lastRotated();
            if (idle(since, now)) {
                out.add(violation("key:" + k.slot(), "Access key " + k.slot() + " of " + user.user(), since, now));
            } else {
                anyRecentUse = true;
            }
        }
        if (user.passwordEnabled()) {
            Instant since = user.passwordLastUsed() != null ? user.passwordLastUsed() : user.createdAt();
            if (idle(since, now)) {
                out.add(violation("password", "Console password of " + user.user(), since, now));
            } else {
                anyRecentUse = true;
            }
        }
        if (!anyRecentUse && idle(user.createdAt(), now)) {
            out.add(violation("user", "User " + user.user(), lastActivity(user), now));
        }
        return out;
    }

    private boolean idle(Instant since, Instant now) {
        return since != null && Duration.between(since, now).toDays() > days;
    }

    private static Instant lastActivity(UserCredentials user) {
        Instant latest = user.passwordLastUsed();
        for (UserCredentials.AccessKeySlot k : user.keys()) {
            if (k.lastUsed() != null && (latest == null || k.lastUsed().isAfter(latest))) {
                latest = k.lastUsed();
            }
        }
        return latest;
    }

    private Violation violation(String key, String what, Instant since, Instant now) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("lastUsed", since == null ? null : since.toString());
        evidence.put("idleDays", since == null ? null : Duration.between(since, now).toDays());
        evidence.put("thresholdDays", days);
        return new Violation(key, what + " unused for more than " + days + " days", evidence);
    }
}
