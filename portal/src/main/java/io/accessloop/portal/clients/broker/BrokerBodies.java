package io.accessloop.portal.clients.broker;

import java.util.List;

/** JSON bodies the portal sends to the broker (the broker's {@code RequestBodies}). */
public final class BrokerBodies {

    private BrokerBodies() {
    }

    /** {@code POST /api/v1/requests}. */
    public record Submit(String entitlement, String reason, Long durationSeconds, String ticket) {
    }

    /** {@code POST /api/v1/requests/{id}/approve|deny}. */
    public record Decision(String comment) {
    }

    /** {@code POST /api/v1/requests/{id}/cancel}. */
    public record Cancel(String reason) {
    }

    /** {@code POST /api/v1/grants/{id}/extend}: more time through the same rules. */
    public record Extend(Long durationSeconds, String reason) {
    }

    /** {@code POST /api/v1/grants/{id}/revoke}: ends someone's grant now. */
    public record Revoke(String reason) {
    }

    /** {@code POST /api/v1/grants/{id}/review}: closes a break-glass grant's after-the-fact review. */
    public record Review(String comment) {
    }

    /** {@code POST /api/v1/requests/dry-run} for the caller. */
    public record DryRun(String entitlement, String reason, Long durationSeconds, String ticket, Boolean breakGlass,
                         String requester, List<String> groups) {
    }
}
