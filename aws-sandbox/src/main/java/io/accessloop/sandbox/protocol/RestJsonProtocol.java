package io.accessloop.sandbox.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.sandbox.core.AwsError;
import io.accessloop.sandbox.core.Json;

import java.util.Map;

/**
 * AWS REST-JSON bodies (Access Analyzer): timestamps as ISO-8601 strings, the error code in the
 * {@code x-amzn-ErrorType} header and the HTTP status of the error.
 */
public final class RestJsonProtocol {

    public static final String CONTENT_TYPE = "application/json";

    private RestJsonProtocol() {
    }

    public static HttpReply ok(Map<String, Object> result, String requestId) {
        return HttpReply.of(200, CONTENT_TYPE, Json.bytes(result)).withHeaders(Map.of("x-amzn-RequestId", requestId));
    }

    public static HttpReply error(AwsError error, String requestId) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("message", error.getMessage());
        if (error.code().equals("ValidationException")) {
            node.put("reason", "fieldValidationFailed");
        }
        return HttpReply.of(error.status(), CONTENT_TYPE, Json.bytes(node))
                .withHeaders(Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", error.code()));
    }
}
