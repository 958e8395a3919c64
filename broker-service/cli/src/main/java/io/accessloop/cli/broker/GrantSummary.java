package io.accessloop.cli.broker;

import java.time.Instant;

/** The fields of a broker grant the CLI looks at. */
public record GrantSummary(String id, String entitlement, String status, Instant endsAt, long remainingSeconds) {
}
