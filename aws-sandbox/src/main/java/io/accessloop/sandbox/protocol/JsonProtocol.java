package io.accessloop.sandbox.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** AWS JSON 1.1 bodies: timestamps as epoch seconds, errors as {@code {"__type":…,"message":…}}. */
public final class JsonProtocol {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private JsonProtocol() {
    }

    public static byte[] body(Map<String, Object> result) {
        return Json.bytes(toNode(result));
    }

    public static HttpReply error(AwsError error, String requestId) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("__type", error.code());
        node.put("message", error.getMessage());
        return HttpReply.of(error.status(), CONTENT_TYPE, Json.bytes(node))
                .withHeaders(Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", error.code()));
    }

    @SuppressWarnings("unchecked")
    static Object toNode(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = f.objectNode();
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (v != null) {
                    node.putPOJO(k, toNode(v));
                }
            });
            return node;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = f.arrayNode();
            list.forEach(item -> array.addPOJO(toNode(item)));
            return array;
        }
        if (value instanceof Instant instant) {
            return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
        }
        return value;
    }
}
