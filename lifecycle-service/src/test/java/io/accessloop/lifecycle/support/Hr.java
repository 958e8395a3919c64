package io.accessloop.lifecycle.support;

import io.accessloop.lifecycle.hr.domain.WebhookSignature;
import io.restassured.response.ValidatableResponse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** An HR system calling the webhook with the secrets of the test profile. */
public final class Hr {

    public static final String CURRENT = "whsec-test-current-0123456789abcdef";
    public static final String PREVIOUS = "whsec-test-previous-0123456789abcdef";
    public static final String BAMBOO = "whsec-test-bamboo-0123456789abcdef";

    private Hr() {
    }

    public static String event(String id, String type, String email, String effectiveAt, String extraEmployeeFields) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + Instant.now() + "\""
                + (effectiveAt == null ? "" : ",\"effectiveAt\":\"" + effectiveAt + "\"")
                + ",\"employee\":{\"email\":\"" + email + "\",\"employeeId\":\"E-1\""
                + (extraEmployeeFields == null ? "" : "," + extraEmployeeFields) + "}}";
    }

    public static String newId() {
        return "hr-" + UUID.randomUUID();
    }

    public static ValidatableResponse post(String body) {
        return post(body, CURRENT, Instant.now().getEpochSecond());
    }

    public static ValidatableResponse post(String body, String secret, long unixSeconds) {
        return postWithHeader(body, WebhookSignature.sign(secret, unixSeconds, body.getBytes(StandardCharsets.UTF_8)));
    }

    public static ValidatableResponse postWithHeader(String body, String header) {
        var request = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (header != null) {
            request = request.header("Accessloop-Signature", header);
        }
        return request.when().post("/hr/events").then();
    }
}
