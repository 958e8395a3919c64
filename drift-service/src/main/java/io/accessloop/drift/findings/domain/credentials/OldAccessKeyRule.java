package io.accessloop.drift.findings.domain.credentials;

import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.inventory.domain.UserCredentials;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An active access key not rotated for more than the configured number of days. */
public final class OldAccessKeyRule implements CredentialRule {

    public static final String ID = "access-key-too-old";

    private final int maxAgeDays;

    public OldAccessKeyRule(int maxAgeDays) {
        this.maxAgeDays = maxAgeDays;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<Violation> evaluate(UserCredentials user, Instant now) {
        return user.activeKeys().stream()
                .filter(k -> k.lastRotated() != null && Duration.between(k.lastRotated(), now).toDays() > maxAgeDays)
                .map(k -> new Violation("key:" + k.slot(), "Access key " + k.slot() + " of " + user.user() + " is "
                        + Duration.between(k.lastRotated(), now).toDays() + " days old",
                        Map.<String, Object>of("slot", k.slot(), "lastRotated", k.lastRotated().toString(),
                                "maxAgeDays", maxAgeDays)))
                .toList();
    }
}
