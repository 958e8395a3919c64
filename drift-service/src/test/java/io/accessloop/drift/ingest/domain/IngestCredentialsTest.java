package io.accessloop.drift.ingest.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IngestCredentialsTest {

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eitherApiKeyIsAcceptedDuringRotation() {
        IngestCredentials credentials = new IngestCredentials(List.of("new", "old"), null, List.of());
        assertThat(credentials.accepts("new", null)).isTrue();
        assertThat(credentials.accepts("old", null)).isTrue();
        assertThat(credentials.accepts("older", null)).isFalse();
        assertThat(credentials.accepts(null, null)).isFalse();
    }

    @Test
    void aFirehoseAccessKeyIsCheckedAgainstTheSameApiKeysAndNeverAgainstBasicPasswords() {
        IngestCredentials credentials = new IngestCredentials(List.of("new", "old"), "eventbridge", List.of("p1"));
        assertThat(credentials.acceptsApiKey("new")).isTrue();
        assertThat(credentials.acceptsApiKey("old")).isTrue();
        assertThat(credentials.acceptsApiKey("p1")).isFalse();
        assertThat(credentials.acceptsApiKey("ne")).isFalse();
        assertThat(credentials.acceptsApiKey("")).isFalse();
        assertThat(credentials.acceptsApiKey(null)).isFalse();
    }

    @Test
    void basicAuthNeedsTheUserAndOneOfThePasswords() {
        IngestCredentials credentials = new IngestCredentials(List.of(), "eventbridge", List.of("p1", "p2"));
        assertThat(credentials.accepts(null, basic("eventbridge", "p2"))).isTrue();
        assertThat(credentials.accepts(null, basic("someone", "p2"))).isFalse();
        assertThat(credentials.accepts(null, basic("eventbridge", "p3"))).isFalse();
        assertThat(credentials.accepts(null, "Basic !!!")).isFalse();
        assertThat(credentials.accepts(null, "Bearer p1")).isFalse();
    }

    @Test
    void withNothingConfiguredEveryPushIsRefused() {
        IngestCredentials none = new IngestCredentials(List.of(" "), null, List.of("p"));
        assertThat(none.configured()).isFalse();
        assertThat(none.accepts(" ", basic("x", "p"))).isFalse();
    }
}
