package io.accessloop.broker.request.rest;

import java.util.List;

/** JSON bodies of the request endpoints. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** {@code POST /api/v1/requests} and {@code POST /api/v1/break-glass}. */
    public record Submit(String entitlement, String reason, Long durationSeconds, String ticket) {
    }

    /** {@code POST /api/v1/requests/{id}/approve|deny}. */
    public record Decision(String comment) {
    }

    /** {@code POST /api/v1/requests/{id}/cancel}. */
    public record Cancel(String reason) {
    }

    /**
     * {@code POST /api/v1/requests/dry-run}: what would happen if {@code requester} (default: the caller) with
     * {@code groups} asked for the entitlement now. Naming another person is for security, auditors and admins.
     */
    public record DryRun(String entitlement, String reason, Long durationSeconds, String ticket, Boolean breakGlass,
                         String requester, List<String> groups) {
    }
}
