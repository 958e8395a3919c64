package io.accessloop.drift.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** How pushes to {@code POST /ingest/aws/events} authenticate (EventBridge API destination connection). */
@ConfigMapping(prefix = "accessloop.drift.ingest")
public interface IngestSettings {

    /** Header carrying the API key (the connection's API key name). */
    @WithDefault("x-accessloop-api-key")
    String apiKeyHeader();

    /** Accepted API keys; list two while rotating. */
    Optional<List<String>> apiKeys();

    /** User name for basic auth; empty disables basic auth. */
    Optional<String> basicUsername();

    /** Accepted basic-auth passwords; list two while rotating. */
    Optional<List<String>> basicPasswords();

    /** Largest body accepted, in bytes (EventBridge events are at most 256 KB). */
    @WithDefault("262144")
    int maxBodyBytes();
}
