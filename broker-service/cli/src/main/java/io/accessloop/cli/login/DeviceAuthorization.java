package io.accessloop.cli.login;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider's answer to a device authorization request (RFC 8628 §3.2). The device code stays in memory;
 * only the user code and the verification address are shown.
 */
public record DeviceAuthorization(String deviceCode, String userCode, String verificationUri,
                                  Optional<String> verificationUriComplete, Duration expiresIn, Duration interval) {

    /** RFC 8628 §3.2: the polling interval when the provider names none. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    @Override
    public String toString() {
        return "DeviceAuthorization[userCode=" + userCode + ", verificationUri=" + verificationUri + "]";
    }
}
