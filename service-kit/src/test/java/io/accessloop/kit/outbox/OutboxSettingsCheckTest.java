package io.accessloop.kit.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxSettingsCheckTest {

    @Test
    void theDefaultsAreValidAndSendSixtyFourAtOnce() {
        OutboxSettings settings = settings(Map.of());

        assertThatCode(() -> OutboxSettingsCheck.requireValid(settings)).doesNotThrowAnyException();
        assertThat(settings.maxInFlight()).isEqualTo(64);
        assertThat(settings.batchSize()).isEqualTo(200);
    }

    @Test
    void oneAtATimeAndTheLargestValuesAreAccepted() {
        assertThatCode(() -> OutboxSettingsCheck.requireValid(settings(Map.of(
                "accessloop.outbox.max-in-flight", "1", "accessloop.outbox.batch-size", "1"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> OutboxSettingsCheck.requireValid(settings(Map.of(
                "accessloop.outbox.max-in-flight", "128", "accessloop.outbox.batch-size", "10000"))))
                .doesNotThrowAnyException();
    }

    @Test
    void everyBadValueIsNamedInOneClearError() {
        OutboxSettings settings = settings(Map.of(
                "accessloop.outbox.max-in-flight", "0",
                "accessloop.outbox.batch-size", "-5",
                "accessloop.outbox.send-timeout", "PT0S",
                "accessloop.outbox.poll-interval", "PT0.0001S"));

        assertThatThrownBy(() -> OutboxSettingsCheck.requireValid(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessloop.outbox.max-in-flight must be between 1 and 128, got 0")
                .hasMessageContaining("accessloop.outbox.batch-size must be between 1 and 10000, got -5")
                .hasMessageContaining("accessloop.outbox.send-timeout must be at least 1 ms")
                .hasMessageContaining("accessloop.outbox.poll-interval must be at least 1 ms");
    }

    @Test
    void moreInFlightThanTheChannelBuffersIsRefused() {
        assertThatThrownBy(() -> OutboxSettingsCheck.requireValid(settings(Map.of(
                "accessloop.outbox.max-in-flight", "129"))))
                .hasMessage("invalid outbox relay settings: accessloop.outbox.max-in-flight must be between 1 and "
                        + "128, got 129");
    }

    @Test
    void theRelayRefusesToStartWithBadSettings() {
        OutboxSettings settings = settings(Map.of("accessloop.outbox.max-in-flight", "1000"));

        assertThatThrownBy(() -> new OutboxRelay(null, null, settings, new SimpleMeterRegistry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessloop.outbox.max-in-flight");
    }

    private static OutboxSettings settings(Map<String, String> values) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withMapping(OutboxSettings.class)
                .withDefaultValue("accessloop.outbox.source", "/test-service");
        values.forEach(builder::withDefaultValue);
        return builder.build().getConfigMapping(OutboxSettings.class);
    }
}
