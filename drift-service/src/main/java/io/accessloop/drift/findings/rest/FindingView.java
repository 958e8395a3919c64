package io.accessloop.drift.findings.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.findings.repository.Finding;

import java.time.Instant;

/** A finding as the API shows it; {@code evidence} is the rule's JSON object (diff, actor, statement…). */
public record FindingView(String id, String accountId, String principalArn, String resourceType, String rule,
                          String severity, String status, String summary, JsonNode evidence, String changedBy,
                          String sourceIdentity, Instant openedAt, Instant lastSeenAt, Instant resolvedAt,
                          String resolution, Suppression suppression) {

    /** Present while (or since) the finding is suppressed. */
    public record Suppression(String reason, Instant until, String by) {
    }

    static FindingView of(Finding f, ObjectMapper mapper) {
        JsonNode evidence;
        try {
            evidence = mapper.readTree(f.evidence);
        } catch (java.io.IOException e) {
            evidence = mapper.getNodeFactory().textNode(f.evidence);
        }
        return new FindingView(f.id, f.accountId, f.principalArn, f.resourceType, f.rule, f.severity, f.status,
                f.summary, evidence, f.changedBy, f.sourceIdentity, f.openedAt, f.lastSeenAt, f.resolvedAt,
                f.resolution, f.suppressionReason == null ? null
                        : new Suppression(f.suppressionReason, f.suppressedUntil, f.suppressedBy));
    }
}
