package io.accessloop.cli.login;

/** The calls the CLI makes to the identity provider. */
public interface OidcProvider {

    /** RFC 8628 §3.1: asks for a device code and a user code. */
    DeviceAuthorization authorizeDevice();

    /** RFC 8628 §3.4: one poll of the token endpoint with the device code. */
    TokenAnswer pollDeviceToken(String deviceCode);

    /** RFC 6749 §6: new tokens for a refresh token. */
    TokenAnswer refresh(String refreshToken);

    /** RFC 7009: ends the refresh token at the provider; false when the provider offers no revocation endpoint. */
    boolean revoke(String refreshToken);
}
