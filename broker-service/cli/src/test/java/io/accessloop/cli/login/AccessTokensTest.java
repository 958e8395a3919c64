package io.accessloop.cli.login;

import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;
import io.accessloop.cli.FakeTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final String ISSUER = "https://idp.example.com/realms/a";

    @TempDir
    Path dir;

    private final FakeProvider provider = new FakeProvider();
    private final FakeTime time = new FakeTime(NOW);

    private AccessTokens tokens(TokenFile file) {
        return new AccessTokens(file, ISSUER, "accessloop-cli", () -> provider, time);
    }

    private TokenFile fileWith(Instant accessExpiry, Instant refreshExpiry) {
        TokenFile file = new TokenFile(dir.resolve("tokens.json"));
        file.write(new TokenSet(ISSUER, "accessloop-cli", "old-access", accessExpiry, "old-refresh", refreshExpiry));
        return file;
    }

    @Test
    void aTokenWithMoreThanAMinuteLeftIsUsedAsItIs() {
        TokenFile file = fileWith(NOW.plusSeconds(300), null);

        assertThat(tokens(file).current()).isEqualTo("old-access");
        assertThat(provider.refreshTokensSeen).isEmpty();
    }

    @Test
    void anAlmostExpiredTokenIsRefreshedAndTheNewOneIsStored() {
        TokenFile file = fileWith(NOW.plusSeconds(30), NOW.plusSeconds(1800));
        provider.refreshes.add(new TokenAnswer.Issued(new TokenSet(ISSUER, "accessloop-cli", "new-access",
                NOW.plusSeconds(900), null, null)));

        assertThat(tokens(file).current()).isEqualTo("new-access");
        assertThat(provider.refreshTokensSeen).containsExactly("old-refresh");
        TokenSet stored = file.read().orElseThrow();
        assertThat(stored.accessToken()).isEqualTo("new-access");
        assertThat(stored.refreshToken()).as("kept when the provider does not rotate it").isEqualTo("old-refresh");
    }

    @Test
    void aRefusedRefreshAsksForALoginAndLeavesTheFileUnchanged() {
        TokenFile file = fileWith(NOW.minusSeconds(1), null);
        provider.refreshes.add(new TokenAnswer.Refused("invalid_grant", "Session not active"));

        assertThatThrownBy(() -> tokens(file).current())
                .isInstanceOf(CliException.class).hasMessageContaining("accessloop login")
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(ExitCode.NOT_LOGGED_IN);
        assertThat(file.read().orElseThrow().accessToken()).isEqualTo("old-access");
    }

    @Test
    void anExpiredRefreshTokenIsNotEvenTried() {
        TokenFile file = fileWith(NOW.minusSeconds(1), NOW.minusSeconds(1));

        assertThatThrownBy(() -> tokens(file).current()).isInstanceOf(CliException.class)
                .hasMessageContaining("expired");
        assertThat(provider.refreshTokensSeen).isEmpty();
    }

    @Test
    void noFileOrAnotherIssuerMeansNotLoggedIn() {
        TokenFile missing = new TokenFile(dir.resolve("none.json"));
        assertThatThrownBy(() -> tokens(missing).current()).isInstanceOf(CliException.class)
                .hasMessageContaining("not logged in");

        TokenFile other = new TokenFile(dir.resolve("other.json"));
        other.write(new TokenSet("https://other.example.com", "accessloop-cli", "a", NOW.plusSeconds(900), null, null));
        assertThatThrownBy(() -> tokens(other).current()).isInstanceOf(CliException.class)
                .hasMessageContaining("https://other.example.com");
    }
}
