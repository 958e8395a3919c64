package io.accessloop.drift.findings.rest;

import java.time.Instant;

/** Body of {@code POST /api/v1/findings/{id}/suppress}. */
public record SuppressRequest(String reason, Instant until) {
}
