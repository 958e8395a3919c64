package io.accessloop.lifecycle.hr.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.accessloop.lifecycle.identity.domain.EmailAddress;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the canonical HR body and lists every problem with it at once. */
public final class HrEventParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_TEXT = 128;

    private HrEventParser() {
    }

    public static HrEvent parse(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new InvalidHrEvent("The body is not JSON: " + e.getOriginalMessage(), List.of());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidHrEvent("The body must be a JSON object", List.of());
        }
        List<String> errors = new ArrayList<>();
        String id = text(root, "id", errors, true);
        if (id != null && !ID.matcher(id).matches()) {
            errors.add("id: 1-128 characters of letters, digits and . _ : -");
        }
        String typeText = text(root, "type", errors, true);
        HrEventType type = typeText == null ? null : HrEventType.of(typeText).orElse(null);
        if (typeText != null && type == null) {
            errors.add("type: one of employee.terminated, employee.transferred, employee.leave_started, "
                    + "employee.leave_returned");
        }
        Instant occurredAt = time(root, "occurredAt", errors, true);
        Instant effectiveAt = time(root, "effectiveAt", errors, false);
        JsonNode employee = root.get("employee");
        String email = null;
        String employeeId = null;
        String team = null;
        String previousTeam = null;
        if (employee == null || !employee.isObject()) {
            errors.add("employee: required object with email");
        } else {
            email = text(employee, "email", errors, true, "employee.");
            if (email != null) {
                // checked as sent, untrimmed: surrounding whitespace or control characters make it invalid too
                email = EmailAddress.normalize(employee.get("email").asText()).orElse(null);
                if (email == null) {
                    errors.add("employee.email: not accepted; must be " + EmailAddress.RULE);
                }
            }
            employeeId = text(employee, "employeeId", errors, false, "employee.");
            team = text(employee, "team", errors, false, "employee.");
            previousTeam = text(employee, "previousTeam", errors, false, "employee.");
            if (type == HrEventType.TRANSFERRED && (team == null || previousTeam == null)) {
                errors.add("employee.team and employee.previousTeam: required for employee.transferred");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidHrEvent("The HR event is not valid", errors);
        }
        return new HrEvent(id, type, occurredAt, effectiveAt == null ? occurredAt : effectiveAt,
                email, employeeId, team, previousTeam);
    }

    private static String text(JsonNode node, String field, List<String> errors, boolean required) {
        return text(node, field, errors, required, "");
    }

    private static String text(JsonNode node, String field, List<String> errors, boolean required, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(prefix + field + ": required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.add(prefix + field + ": must be a non-empty string");
            return null;
        }
        String text = value.asText().trim();
        if (!field.equals("email") && text.length() > MAX_TEXT) {
            errors.add(prefix + field + ": at most " + MAX_TEXT + " characters");
            return null;
        }
        return text;
    }

    private static Instant time(JsonNode node, String field, List<String> errors, boolean required) {
        String text = text(node, field, errors, required);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field + ": must be an ISO-8601 date-time with offset, e.g. 2026-12-04T09:00:00Z");
            return null;
        }
    }

    /** The body could not be accepted; {@code errors} names each field. */
    public static final class InvalidHrEvent extends RuntimeException {
        private final transient List<String> errors;

        public InvalidHrEvent(String message, List<String> errors) {
            super(message);
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }
}
