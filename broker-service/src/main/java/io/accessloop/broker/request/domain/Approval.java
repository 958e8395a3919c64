package io.accessloop.broker.request.domain;

import java.time.Instant;

/** One approver's yes, with their comment. */
public record Approval(String approver, String comment, Instant at) {
}
