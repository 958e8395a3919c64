package io.accessloop.drift.findings.domain.credentials;

import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.inventory.domain.UserCredentials;

import java.time.Instant;
import java.util.List;

/** A rule over a user's long-lived credentials (from the credential report), evaluated on reconciliation. */
public interface CredentialRule {

    String id();

    Severity defaultSeverity();

    List<Violation> evaluate(UserCredentials user, Instant now);
}
