package io.accessloop.cli.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The OIDC tokens of one sign-in, as kept in the token file. No AWS key ever goes in here: credentials are fetched
 * from the broker on each use.
 *
 * @param refreshTokenExpiresAt null when the provider did not say (then the refresh is simply tried)
 */
public record TokenSet(String issuer, String clientId, String accessToken, Instant accessTokenExpiresAt,
                       String refreshToken, Instant refreshTokenExpiresAt) {

    /** Below this an access token is treated as expired, so that it does not expire in flight. */
    public static final Duration MARGIN = Duration.ofSeconds(60);

    public boolean accessTokenUsable(Instant now) {
        return now.plus(MARGIN).isBefore(accessTokenExpiresAt);
    }

    public Optional<String> usableRefreshToken(Instant now) {
        if (refreshToken == null || refreshToken.isEmpty()) {
            return Optional.empty();
        }
        return refreshTokenExpiresAt == null || now.isBefore(refreshTokenExpiresAt)
                ? Optional.of(refreshToken) : Optional.empty();
    }

    /** Tokens from a refresh; a provider that does not rotate the refresh token keeps the old one. */
    public TokenSet refreshedWith(TokenSet fresh) {
        return fresh.refreshToken() != null ? fresh
                : new TokenSet(fresh.issuer(), fresh.clientId(), fresh.accessToken(), fresh.accessTokenExpiresAt(),
                        refreshToken, refreshTokenExpiresAt);
    }

    @Override
    public String toString() {
        return "TokenSet[issuer=" + issuer + ", clientId=" + clientId + ", accessTokenExpiresAt="
                + accessTokenExpiresAt + ", refreshToken=" + (refreshToken == null ? "none" : "present") + "]";
    }
}
