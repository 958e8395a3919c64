package io.accessloop.portal.clients.broker;

import java.time.Instant;

/** A grant as the broker returns it. */
public record Grant(String id, String requestId, String identity, String entitlement, String accountId,
                    String roleArn, String status, Instant startsAt, Instant endsAt, long remainingSeconds,
                    boolean breakGlass, Instant endedAt, String endedBy, String endReason,
                    Boolean revocationVerified, Review review) {

    /** The after-the-fact review of a break-glass grant. */
    public record Review(boolean pending, String reviewedBy, Instant reviewedAt, String comment) {
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
