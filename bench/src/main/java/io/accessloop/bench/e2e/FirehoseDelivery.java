package io.accessloop.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Amazon Data Firehose HTTP-endpoint delivery request (protocol 1.0), as Firehose sends a buffer of EventBridge
 * events: the request id in a header and in the body, the access key in {@code X-Amz-Firehose-Access-Key}, and every
 * record's data base64-encoded. The endpoint acknowledges with HTTP 200 and a body echoing the request id.
 */
record FirehoseDelivery(String requestId, long timestamp, List<String> events) {

    FirehoseDelivery {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("a Firehose delivery needs a request id");
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a Firehose delivery carries at least one record");
        }
        events = List.copyOf(events);
    }

    Map<String, String> headers(String accessKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Firehose-Protocol-Version", "1.0");
        headers.put("X-Amz-Firehose-Request-Id", requestId);
        headers.put("X-Amz-Firehose-Access-Key", accessKey);
        return headers;
    }

    /** The request body; base64 needs no JSON escaping, and the id is a UUID, so it is written directly. */
    String body() {
        Base64.Encoder base64 = Base64.getEncoder();
        StringBuilder json = new StringBuilder(64 + events.size() * 4_400);
        json.append("{\"requestId\":\"").append(requestId).append("\",\"timestamp\":").append(timestamp)
                .append(",\"records\":[");
        for (int i = 0; i < events.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"data\":\"")
                    .append(base64.encodeToString(events.get(i).getBytes(StandardCharsets.UTF_8))).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** Whether an HTTP 200 answer is this delivery's acknowledgement (it must echo the request id). */
    boolean acknowledgedBy(int status, String answer) {
        if (status != 200 || answer == null || answer.isBlank()) {
            return false;
        }
        try {
            JsonNode ack = Http.JSON.readTree(answer);
            return requestId.equals(ack.path("requestId").asText(null)) && ack.path("timestamp").isNumber();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
