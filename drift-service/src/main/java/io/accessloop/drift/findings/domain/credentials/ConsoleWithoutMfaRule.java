package io.accessloop.drift.findings.domain.credentials;

import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.inventory.domain.UserCredentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A user who can sign in to the console without an MFA device. */
public final class ConsoleWithoutMfaRule implements CredentialRule {

    public static final String ID = "console-without-mfa";

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
        if (!user.passwordEnabled() || user.mfaActive()) {
            return List.of();
        }
        return List.of(new Violation("mfa", "User " + user.user() + " signs in to the console without MFA",
                Map.of("passwordEnabled", true, "mfaActive", false)));
    }
}
