package io.accessloop.broker.grant.rest;

/** JSON bodies of the grant endpoints. */
public final class GrantBodies {

    private GrantBodies() {
    }

    /** {@code POST /api/v1/grants/{id}/extend}: how much longer, and why. */
    public record Extend(Long durationSeconds, String reason) {
    }

    /** {@code POST /api/v1/grants/{id}/revoke}. */
    public record Revoke(String reason) {
    }

    /** {@code POST /api/v1/grants/{id}/review}: closes a break-glass review. */
    public record Review(String comment) {
    }
}
