package io.accessloop.cli.broker;

import java.util.Optional;

/** What {@code credential-process} asks for when the person has no active grant. */
public record NewRequest(String entitlement, String reason, Optional<Long> durationSeconds, Optional<String> ticket) {
}
