package io.accessloop.drift.findings.domain.credentials;

import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.inventory.domain.ArnPattern;
import io.accessloop.drift.inventory.domain.UserCredentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Zero trust: no human holds long-lived keys. A user is human when it can sign in to the console or its ARN matches
 * a configured human pattern (e.g. {@code arn:aws:iam::*:user/humans/*}).
 */
public final class HumanAccessKeyRule implements CredentialRule {

    public static final String ID = "human-user-access-key";

    private final ArnPattern humans;

    public HumanAccessKeyRule(List<String> humanPatterns) {
        this.humans = new ArnPattern(humanPatterns);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.HIGH;
    }

    @Override
    public List<Violation> evaluate(UserCredentials user, Instant now) {
        if (!user.passwordEnabled() && !humans.matches(user.arn())) {
            return List.of();
        }
        return user.activeKeys().stream().map(k -> new Violation("key:" + k.slot(),
                "Human user " + user.user() + " holds long-lived access key " + k.slot(), evidence(user, k))).toList();
    }

    private static Map<String, Object> evidence(UserCredentials user, UserCredentials.AccessKeySlot key) {
        Map<String, Object> evidence = new java.util.LinkedHashMap<>();
        evidence.put("slot", key.slot());
        evidence.put("consoleAccess", user.passwordEnabled());
        if (key.lastRotated() != null) {
            evidence.put("lastRotated", key.lastRotated().toString());
        }
        return evidence;
    }
}
