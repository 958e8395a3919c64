package io.accessloop.kit.metrics;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CloudWatchSettingsTest {

    @Test
    void publishingIsOffUnlessSwitchedOn() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(CloudWatchSettings.class)
                .build();

        CloudWatchSettings settings = config.getConfigMapping(CloudWatchSettings.class);

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.namespace()).isEqualTo("Accessloop");
        assertThat(settings.step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.meterPrefix()).isEqualTo("accessloop_");
    }
}
