package io.accessloop.drift.remediation.rest;

import io.accessloop.drift.remediation.repository.Remediation;

import java.time.Instant;

/** A remediation as the API shows it: status PENDING, RUNNING, SUCCEEDED or FAILED, with the outcome's reason. */
public record RemediationView(String id, String findingId, String rule, String action, String status, String outcome,
                              int attempts, Instant createdAt, Instant finishedAt) {

    public static RemediationView of(Remediation r) {
        return new RemediationView(r.id, r.findingId, r.rule, r.action, r.status, r.outcome, r.attempts, r.createdAt,
                r.finishedAt);
    }
}
