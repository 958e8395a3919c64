package io.accessloop.broker.grant.rest;

import io.accessloop.broker.grant.domain.Grant;

import java.time.Instant;

/** A grant as the API returns it. */
public record GrantView(String id, String requestId, String identity, String entitlement, String accountId,
                        String roleArn, String status, Instant startsAt, Instant endsAt, long remainingSeconds,
                        boolean breakGlass, Instant endedAt, String endedBy, String endReason,
                        Boolean revocationVerified, Review review) {

    /** The after-the-fact review of a break-glass grant. */
    public record Review(boolean pending, String reviewedBy, Instant reviewedAt, String comment) {
    }

    public static GrantView of(Grant g, Instant now) {
        return new GrantView(g.id(), g.requestId(), g.identity(), g.entitlement(), g.accountId(), g.roleArn(),
                g.status().name(), g.startsAt(), g.endsAt(), g.remaining(now).toSeconds(), g.breakGlass(),
                g.endedAt(), g.endedBy(), g.endReason(), g.revocationVerified(),
                g.breakGlass() ? new Review(g.reviewPending(), g.reviewedBy(), g.reviewedAt(), g.reviewComment()) : null);
    }
}
