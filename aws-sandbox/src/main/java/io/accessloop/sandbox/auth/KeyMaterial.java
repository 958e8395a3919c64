package io.accessloop.sandbox.auth;

import java.time.Instant;

/** What the verifier needs to know about an access key: its secret and, for temporary keys, token and expiry. */
public record KeyMaterial(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                          boolean active) {

    public boolean temporary() {
        return sessionToken != null;
    }
}
