package io.accessloop.portal.clients.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An offboarding case; {@code steps} holds the completed steps ({@code [{"step","completedAt","detail":[...]}]}),
 * the closure report once the case is CLOSED.
 */
public record OffboardingCase(String id, String identity, String employeeId, String status, String nextStep,
                              String trigger, String requestedBy, String reason, String hrEventId,
                              Instant effectiveAt, Instant nextAttemptAt, int attempts, String lastError,
                              JsonNode steps, Instant createdAt, Instant updatedAt, Instant closedAt) {

    /** One completed step for the page. */
    public record Step(String name, String completedAt, List<String> detail) {
    }

    public List<Step> completedSteps() {
        List<Step> list = new ArrayList<>();
        if (steps == null || !steps.isArray()) {
            return list;
        }
        for (JsonNode step : steps) {
            List<String> detail = new ArrayList<>();
            step.path("detail").forEach(d -> detail.add(d.isTextual() ? d.asText() : d.toString()));
            list.add(new Step(step.path("step").asText(), step.path("completedAt").asText(), detail));
        }
        return list;
    }
}
