package io.accessloop.lifecycle.offboarding.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.lifecycle.offboarding.domain.SagaStep;

import java.time.Instant;
import java.util.List;

/** Reads and appends the JSON list of completed steps kept on a case (its closure report). */
final class CaseLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CaseLog() {
    }

    static String empty() {
        return "[]";
    }

    static String append(String steps, SagaStep step, Instant at, List<String> detail) {
        try {
            ArrayNode list = (ArrayNode) MAPPER.readTree(steps);
            ObjectNode entry = list.addObject();
            entry.put("step", step.name());
            entry.put("completedAt", at.toString());
            ArrayNode lines = entry.putArray("detail");
            detail.forEach(lines::add);
            return MAPPER.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt step log", e);
        }
    }

    static ArrayNode read(String steps) {
        try {
            return (ArrayNode) MAPPER.readTree(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt step log", e);
        }
    }
}
