package io.accessloop.portal.clients.lifecycle;

import java.time.Instant;

/** Body of {@code POST /api/v1/offboarding}: offboard a person by hand. */
public record OffboardingBodies(String email, String employeeId, Instant effectiveAt, String reason) {
}
