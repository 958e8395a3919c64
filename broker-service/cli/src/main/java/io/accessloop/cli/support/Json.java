package io.accessloop.cli.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** JSON helpers over Jackson's tree model (no reflection, so nothing to register for a native build). */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Parses an answer of {@code who}; anything but a JSON object is {@link ExitCode#UNAVAILABLE}. */
    public static JsonNode object(String text, String who) {
        try {
            JsonNode node = MAPPER.readTree(text == null ? "" : text);
            if (node == null || !node.isObject()) {
                throw new CliException(ExitCode.UNAVAILABLE, who + " answered something that is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CliException(ExitCode.UNAVAILABLE, who + " answered something that is not JSON");
        }
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty()
                : Optional.of(value.asText());
    }

    public static Optional<Instant> instant(JsonNode node, String field) {
        try {
            return text(node, field).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static long number(JsonNode node, String field, long fallback) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToLong() ? value.asLong() : fallback;
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
