package io.accessloop.broker.credentials.domain;

import java.util.Map;
import java.util.Optional;

/** Everything an AssumeRole for a grant carries; {@code externalId} when the role's trust asks for one. */
public record AssumeRoleSpec(String roleArn, String sessionName, String sourceIdentity, Map<String, String> sessionTags,
                             Optional<String> sessionPolicy, int durationSeconds, Optional<String> externalId) {

    public static final String GRANT_TAG = "accessloop:grant-id";
    public static final String REQUEST_TAG = "accessloop:request-id";

    public AssumeRoleSpec {
        sessionTags = Map.copyOf(sessionTags);
    }
}
