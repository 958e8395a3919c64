package io.accessloop.lifecycle.offboarding.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.lifecycle.offboarding.repository.OffboardingCase;

import java.time.Instant;

/**
 * An offboarding case as the API shows it. {@code steps} lists completed steps with what each did
 * ({@code [{"step","completedAt","detail":[...]}]}): the closure report once {@code status} is CLOSED.
 */
public record CaseView(String id, String identity, String employeeId, String status, String nextStep, String trigger,
                       String requestedBy, String reason, String hrEventId, Instant effectiveAt, Instant nextAttemptAt,
                       int attempts, String lastError, JsonNode steps, Instant createdAt, Instant updatedAt,
                       Instant closedAt) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static CaseView of(OffboardingCase c) {
        JsonNode steps;
        try {
            steps = MAPPER.readTree(c.steps);
        } catch (Exception e) {
            throw new IllegalStateException("corrupt step log of " + c.id, e);
        }
        return new CaseView(c.id, c.identity, c.employeeId, c.status.name(), c.nextStep.name(), c.trigger,
                c.requestedBy, c.reason, c.hrEventId, c.effectiveAt, c.nextAttemptAt, c.attempts, c.lastError, steps,
                c.createdAt, c.updatedAt, c.closedAt);
    }
}
