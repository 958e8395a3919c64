package io.accessloop.portal.clients.drift;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A drift finding; {@code evidence} is the rule's JSON (diff, actor, statement…). */
public record Finding(String id, String accountId, String principalArn, String resourceType, String rule,
                      String severity, String status, String summary, JsonNode evidence, String changedBy,
                      String sourceIdentity, Instant openedAt, Instant lastSeenAt, Instant resolvedAt,
                      String resolution, Suppression suppression) {

    /** Present while (or since) the finding is suppressed. */
    public record Suppression(String reason, Instant until, String by) {
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** The evidence pretty-printed for the detail page. */
    public String evidenceText() {
        return evidence == null ? "" : evidence.toPrettyString();
    }
}
