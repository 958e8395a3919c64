package io.accessloop.cli;

import io.accessloop.cli.aws.AwsConfigFile;
import io.accessloop.cli.support.Environment;
import io.accessloop.cli.support.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line as a person meets it: options, defaults, usage errors and exit codes. */
class CliTest {

    @TempDir
    Path home;

    private Environment env(Map<String, String> variables) {
        return new Environment(variables, home, Clock.systemUTC(), Sleeper.REAL);
    }

    @Test
    void helpGoesToStderrAndSucceeds() {
        Run run = Run.of(env(Map.of()), "help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("credential-process", "Exit codes");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        Run unknown = Run.of(env(Map.of()), "fetch");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unknown.err()).contains("unknown command 'fetch'");

        Run option = Run.of(env(Map.of()), "credential-process", "--entitlement", "x", "--secret", "y");
        assertThat(option.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(option.err()).contains("unknown option --secret");

        Run missing = Run.of(env(Map.of()), "credential-process");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(missing.err()).contains("--entitlement is required");
    }

    @Test
    void credentialProcessWithoutALoginSaysSoAndPrintsNothingOnStdout() {
        Run run = Run.of(env(Map.of("ACCESSLOOP_TOKEN_FILE", home.resolve("t.json").toString())),
                "credential-process", "--entitlement", "prod-readonly");
        assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_LOGGED_IN.code());
        assertThat(run.err()).contains("not logged in: run 'accessloop login'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnreachableIdentityProviderIsItsOwnExitCode() {
        Run run = Run.of(env(Map.of("ACCESSLOOP_ISSUER", "http://127.0.0.1:1/realms/x",
                "ACCESSLOOP_TOKEN_FILE", home.resolve("t.json").toString())), "login");
        assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(run.err()).contains("cannot reach http://127.0.0.1:1");
        assertThat(home.resolve("t.json")).doesNotExist();
    }

    @Test
    void settingsComeFromFlagsThenEnvironmentThenDefaults() {
        CliSettings defaults = CliSettings.from(Args.parse(new String[] {"login"}, java.util.Set.of()), env(Map.of()));
        assertThat(defaults.brokerUrl()).hasToString("http://localhost:8081");
        assertThat(defaults.issuer()).isEqualTo("http://localhost:8180/realms/accessloop");
        assertThat(defaults.clientId()).isEqualTo("accessloop-cli");
        assertThat(defaults.tokenFile()).isEqualTo(home.resolve(".config/accessloop/tokens.json"));
        assertThat(defaults.tokenFileChosen()).isFalse();

        CliSettings fromEnv = CliSettings.from(Args.parse(new String[] {"login", "--client-id", "flag-client"},
                java.util.Set.of()), env(Map.of("ACCESSLOOP_BROKER_URL", "https://broker.example.com",
                "ACCESSLOOP_CLIENT_ID", "env-client", "XDG_CONFIG_HOME", home.resolve("xdg").toString())));
        assertThat(fromEnv.brokerUrl()).hasToString("https://broker.example.com");
        assertThat(fromEnv.clientId()).isEqualTo("flag-client");
        assertThat(fromEnv.tokenFile()).isEqualTo(home.resolve("xdg/accessloop/tokens.json"));
    }

    @Test
    void plainHttpIsAcceptedForThisMachineOnly() {
        assertThatThrownBy(() -> CliSettings.checked("--broker-url", "http://broker.example.com"))
                .isInstanceOf(CliException.class).hasMessageContaining("https://");
        assertThatThrownBy(() -> CliSettings.checked("--issuer", "ftp://idp.example.com"))
                .isInstanceOf(CliException.class);
        assertThat(CliSettings.checked("--issuer", "http://127.0.0.1:8180/realms/a").getPort()).isEqualTo(8180);
    }

    @Test
    void durationsInEveryAcceptedSpellingAndRefusals() {
        assertThat(Durations.parse("d", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("d", "900")).isEqualTo(Duration.ofSeconds(900));
        assertThat(Durations.parse("d", "45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("d", "PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> Durations.parse("duration", "1h30")).isInstanceOf(CliException.class)
                .hasMessageContaining("--duration");
        assertThatThrownBy(() -> Durations.parse("duration", "soon")).isInstanceOf(CliException.class);
        assertThatThrownBy(() -> Durations.parse("duration", "-PT1H")).isInstanceOf(CliException.class);
    }

    @Test
    void configureWritesACredentialProcessLineThatRepeatsTheSettings() {
        Path config = home.resolve(".aws/config");
        Run run = Run.of(env(Map.of("ACCESSLOOP_BROKER_URL", "https://broker.example.com",
                        "ACCESSLOOP_ISSUER", "https://idp.example.com/realms/acme")),
                "configure", "--profile", "prod-ro", "--entitlement", "prod-readonly", "--region", "eu-west-1",
                "--reason", "on-call work", "--command", "accessloop");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new AwsConfigFile(config).profile("prod-ro"))
                .containsEntry("region", "eu-west-1")
                .containsEntry("credential_process", "accessloop credential-process --entitlement prod-readonly "
                        + "--broker-url https://broker.example.com --issuer https://idp.example.com/realms/acme "
                        + "--client-id accessloop-cli --reason \"on-call work\"");
    }

    @Test
    void configureRefusesBadInputWithoutTouchingTheFile() {
        Path config = home.resolve(".aws/config");
        Run run = Run.of(env(Map.of()), "configure", "--profile", "p", "--entitlement", "e",
                "--duration", "13h", "--reason", "r", "--command", "accessloop");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--duration");
        assertThat(config).doesNotExist();

        Run noReason = Run.of(env(Map.of()), "configure", "--profile", "p", "--entitlement", "e",
                "--ticket", "OPS-1", "--command", "accessloop");
        assertThat(noReason.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(config).doesNotExist();
    }
}
