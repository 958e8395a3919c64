package io.accessloop.broker.grant.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessloop.broker.credentials.domain.TemporaryCredentials;

import java.time.Instant;

/** The AWS CLI / SDK {@code credential_process} output. */
public record CredentialProcessJson(
        @JsonProperty("Version") int version,
        @JsonProperty("AccessKeyId") String accessKeyId,
        @JsonProperty("SecretAccessKey") String secretAccessKey,
        @JsonProperty("SessionToken") String sessionToken,
        @JsonProperty("Expiration") Instant expiration) {

    static CredentialProcessJson of(TemporaryCredentials c) {
        return new CredentialProcessJson(1, c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), c.expiration());
    }

    @Override
    public String toString() {
        return "CredentialProcessJson[" + accessKeyId + "]";
    }
}
