package io.accessloop.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRunOptionsTest {

    @Test
    void defaultsToTheWellKnownPortsAndTheRunDirectory() {
        var options = LocalInfrastructure.LocalRunOptions.parse(new String[0]);
        assertThat(options.postgresPort()).isEqualTo(5432);
        assertThat(options.amqpPort()).isEqualTo(5672);
        assertThat(options.dataDir()).isEqualTo(Path.of("deploy/.run/data").toAbsolutePath());
    }

    @Test
    void readsEveryOption() {
        var options = LocalInfrastructure.LocalRunOptions.parse(
                new String[] {"--data", "/tmp/x", "--postgres-port", "15432", "--amqp-port", "15672"});
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.postgresPort()).isEqualTo(15432);
        assertThat(options.amqpPort()).isEqualTo(15672);
    }

    @Test
    void refusesUnknownOrIncompleteOptions() {
        assertThatThrownBy(() -> LocalInfrastructure.LocalRunOptions.parse(new String[] {"--port", "1"}))
                .hasMessageContaining("unknown option --port");
        assertThatThrownBy(() -> LocalInfrastructure.LocalRunOptions.parse(new String[] {"--data"}))
                .hasMessageContaining("--data needs a value");
    }
}
