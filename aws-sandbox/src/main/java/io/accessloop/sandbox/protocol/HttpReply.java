package io.accessloop.sandbox.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the edge sends back; {@code delayMillis} is injected latency the edge applies without blocking. */
public record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers, long delayMillis) {

    public static HttpReply of(int status, String contentType, String body) {
        return new HttpReply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of(), 0);
    }

    public static HttpReply of(int status, String contentType, byte[] body) {
        return new HttpReply(status, contentType, body, Map.of(), 0);
    }

    public HttpReply withHeaders(Map<String, String> extra) {
        return new HttpReply(status, contentType, body, extra, delayMillis);
    }

    public HttpReply delayed(long millis) {
        return new HttpReply(status, contentType, body, headers, millis);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
