package io.accessloop.broker.credentials.domain;

import java.time.Instant;

/** A session's keys. Held in memory only long enough to answer its owner; never stored, logged or published. */
public record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {

    @Override
    public String toString() {
        return "TemporaryCredentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
