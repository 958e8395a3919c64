package io.accessloop.portal.clients.broker;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** The AWS CLI {@code credential_process} JSON the broker issues for a grant. Shown once, never stored. */
public record ProcessCredentials(@JsonProperty("Version") int version,
                                 @JsonProperty("AccessKeyId") String accessKeyId,
                                 @JsonProperty("SecretAccessKey") String secretAccessKey,
                                 @JsonProperty("SessionToken") String sessionToken,
                                 @JsonProperty("Expiration") Instant expiration) {

    @Override
    public String toString() {
        return "ProcessCredentials[" + accessKeyId + ", expires " + expiration + "]";
    }
}
