package io.accessloop.sandbox.config;

/** An HTTP endpoint that receives EventBridge-shaped change events, with an optional header (an API key). */
public record NotificationTarget(String url, String headerName, String headerValue) {
}
