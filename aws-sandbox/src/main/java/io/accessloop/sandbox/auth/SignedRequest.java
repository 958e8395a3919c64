package io.accessloop.sandbox.auth;

/** The credential scope a request was signed with. */
public record SignedRequest(String accessKeyId, String date, String region, String service) {
}
