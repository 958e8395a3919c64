package io.accessloop.cli.login;

import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;
import io.accessloop.cli.FakeTime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceFlowTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final TokenSet TOKENS = new TokenSet("https://idp.example.com", "accessloop-cli", "access",
            START.plusSeconds(900), "refresh", null);

    private final FakeProvider provider = new FakeProvider();
    private final FakeTime time = new FakeTime(START);
    private final DeviceFlow flow = new DeviceFlow(provider, time, time);

    @Test
    void showsTheCodeAndPollsAtTheProvidersIntervalUntilTheTokensArrive() {
        provider.polls.add(FakeProvider.pending());
        provider.polls.add(FakeProvider.pending());
        provider.polls.add(new TokenAnswer.Issued(TOKENS));
        ByteArrayOutputStream shown = new ByteArrayOutputStream();

        TokenSet tokens = flow.login(new PrintStream(shown, true, StandardCharsets.UTF_8));

        assertThat(tokens).isEqualTo(TOKENS);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(shown.toString(StandardCharsets.UTF_8))
                .contains("https://idp.example.com/device", "ABCD-EFGH", "device?user_code=ABCD-EFGH")
                .doesNotContain("device-secret");
    }

    @Test
    void slowDownAddsFiveSecondsToEveryLaterPoll() {
        provider.polls.add(FakeProvider.pending());
        provider.polls.add(FakeProvider.error("slow_down"));
        provider.polls.add(FakeProvider.pending());
        provider.polls.add(FakeProvider.error("slow_down"));
        provider.polls.add(new TokenAnswer.Issued(TOKENS));

        flow.await(provider.authorization);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(15));
    }

    @Test
    void aRefusalInTheBrowserEndsTheLogin() {
        provider.polls.add(FakeProvider.pending());
        provider.polls.add(FakeProvider.error("access_denied"));

        assertThatThrownBy(() -> flow.await(provider.authorization))
                .isInstanceOf(CliException.class).hasMessageContaining("refused")
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(ExitCode.LOGIN_FAILED);
        assertThat(provider.pollCount).isEqualTo(2);
    }

    @Test
    void anExpiredTokenAnswerEndsTheLogin() {
        provider.polls.add(FakeProvider.error("expired_token"));

        assertThatThrownBy(() -> flow.await(provider.authorization))
                .isInstanceOf(CliException.class).hasMessageContaining("expired");
        assertThat(provider.pollCount).isEqualTo(1);
    }

    @Test
    void theCodesOwnLifetimeBoundsThePollingEvenIfTheProviderKeepsSayingPending() {
        provider.authorization = new DeviceAuthorization("d", "U", "https://idp.example.com/device", Optional.empty(),
                Duration.ofSeconds(30), Duration.ofSeconds(5));

        assertThatThrownBy(() -> flow.await(provider.authorization))
                .isInstanceOf(CliException.class).hasMessageContaining("expired");
        assertThat(provider.pollCount).isEqualTo(5);
        assertThat(time.instant()).isBefore(START.plusSeconds(30));
    }

    @Test
    void anUnknownErrorEndsTheLoginWithTheProvidersWords() {
        provider.polls.add(new TokenAnswer.Refused("invalid_client", "Client not allowed for device grant"));

        assertThatThrownBy(() -> flow.await(provider.authorization))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("invalid_client").hasMessageContaining("not allowed for device grant");
    }
}
