package io.accessloop.cli.login;

import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;
import io.accessloop.cli.support.Sleeper;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The device authorization grant (RFC 8628) from the laptop's side: show the user code, then poll the token
 * endpoint at the provider's interval. {@code authorization_pending} keeps polling, {@code slow_down} adds five
 * seconds to the interval for good (§3.5), {@code access_denied} and {@code expired_token} end the login, and so does
 * the code's own expiry.
 */
public final class DeviceFlow {

    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    private final OidcProvider provider;
    private final Clock clock;
    private final Sleeper sleeper;

    public DeviceFlow(OidcProvider provider, Clock clock, Sleeper sleeper) {
        this.provider = provider;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Runs the whole login; the instructions for the person go to {@code out}. */
    public TokenSet login(PrintStream out) {
        DeviceAuthorization authorization = provider.authorizeDevice();
        out.println("To sign in, open " + authorization.verificationUri() + " and enter the code "
                + authorization.userCode());
        authorization.verificationUriComplete().ifPresent(uri -> out.println("  (or open " + uri + ")"));
        out.println("Waiting for you to approve the sign-in (the code is valid for "
                + authorization.expiresIn().toMinutes() + " minutes)...");
        out.flush();
        return await(authorization);
    }

    /** Polls until the person approves, refuses, or the code expires. */
    public TokenSet await(DeviceAuthorization authorization) {
        Instant deadline = clock.instant().plus(authorization.expiresIn());
        Duration interval = authorization.interval();
        while (true) {
            if (!clock.instant().plus(interval).isBefore(deadline)) {
                throw new CliException(ExitCode.LOGIN_FAILED,
                        "the sign-in code expired before it was approved: run 'accessloop login' again");
            }
            sleeper.sleep(interval);
            TokenAnswer answer = provider.pollDeviceToken(authorization.deviceCode());
            if (answer instanceof TokenAnswer.Issued issued) {
                return issued.tokens();
            }
            TokenAnswer.Refused refused = (TokenAnswer.Refused) answer;
            switch (refused.error()) {
                case "authorization_pending" -> {
                    // the person has not finished yet
                }
                case "slow_down" -> interval = interval.plus(SLOW_DOWN_STEP);
                case "access_denied" -> throw new CliException(ExitCode.LOGIN_FAILED,
                        "the sign-in was refused in the browser");
                case "expired_token" -> throw new CliException(ExitCode.LOGIN_FAILED,
                        "the sign-in code expired before it was approved: run 'accessloop login' again");
                default -> throw new CliException(ExitCode.LOGIN_FAILED, "the identity provider ended the sign-in: "
                        + refused.error() + (refused.description().isEmpty() ? "" : " (" + refused.description() + ")"));
            }
        }
    }
}
