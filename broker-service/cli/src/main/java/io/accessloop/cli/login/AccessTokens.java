package io.accessloop.cli.login;

import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * A valid access token for the broker: the stored one while it has more than a minute left, otherwise a new one
 * from the refresh token (written back to the token file at once). No usable token means "log in again".
 */
public final class AccessTokens {

    private final TokenFile file;
    private final String issuer;
    private final String clientId;
    private final Supplier<OidcProvider> provider;
    private final Clock clock;

    /** {@code provider} is asked for only when a refresh is needed (it costs a discovery call). */
    public AccessTokens(TokenFile file, String issuer, String clientId, Supplier<OidcProvider> provider, Clock clock) {
        this.file = file;
        this.issuer = issuer;
        this.clientId = clientId;
        this.provider = provider;
        this.clock = clock;
    }

    public String current() {
        TokenSet tokens = stored();
        return tokens.accessTokenUsable(clock.instant()) ? tokens.accessToken() : refresh(tokens).accessToken();
    }

    /** A new access token even if the stored one looks valid (the broker said it is not). */
    public String renew() {
        return refresh(stored()).accessToken();
    }

    private TokenSet stored() {
        TokenSet tokens = file.read().orElseThrow(() -> new CliException(ExitCode.NOT_LOGGED_IN,
                "not logged in: run 'accessloop login'"));
        if (!same(tokens.issuer(), issuer) || !tokens.clientId().equals(clientId)) {
            throw new CliException(ExitCode.NOT_LOGGED_IN, "logged in to " + tokens.issuer() + " as client "
                    + tokens.clientId() + ", not to " + issuer + " as " + clientId + ": run 'accessloop login'");
        }
        return tokens;
    }

    private TokenSet refresh(TokenSet tokens) {
        String refreshToken = tokens.usableRefreshToken(clock.instant()).orElseThrow(() -> new CliException(
                ExitCode.NOT_LOGGED_IN, "the sign-in has expired: run 'accessloop login'"));
        TokenAnswer answer = provider.get().refresh(refreshToken);
        if (answer instanceof TokenAnswer.Refused refused) {
            throw new CliException(ExitCode.NOT_LOGGED_IN, "the sign-in has expired (" + refused.error()
                    + "): run 'accessloop login'");
        }
        TokenSet fresh = tokens.refreshedWith(((TokenAnswer.Issued) answer).tokens());
        file.write(fresh);
        return fresh;
    }

    static boolean same(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
