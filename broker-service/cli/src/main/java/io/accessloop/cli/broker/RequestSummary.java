package io.accessloop.cli.broker;

import java.time.Instant;

/** The fields of a broker request the CLI looks at. */
public record RequestSummary(String id, String entitlement, String status, String grantId, String decidedBy,
                             String decisionComment, Instant expiresAt, String ruleExplanation) {

    public boolean pending() {
        return "PENDING".equals(status);
    }

    public boolean approved() {
        return "APPROVED".equals(status) && grantId != null;
    }
}
