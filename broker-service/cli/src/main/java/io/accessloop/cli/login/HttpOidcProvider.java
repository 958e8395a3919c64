package io.accessloop.cli.login;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;
import io.accessloop.cli.support.Http;
import io.accessloop.cli.support.Json;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link OidcProvider} over HTTP for a public client (no secret: a laptop cannot keep one). */
public final class HttpOidcProvider implements OidcProvider {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final Http http;
    private final ProviderMetadata metadata;
    private final String clientId;
    private final String scope;
    private final Clock clock;

    public HttpOidcProvider(Http http, ProviderMetadata metadata, String clientId, String scope, Clock clock) {
        this.http = http;
        this.metadata = metadata;
        this.clientId = clientId;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public DeviceAuthorization authorizeDevice() {
        HttpResponse<String> response = http.postForm(metadata.deviceAuthorizationEndpoint(),
                Map.of("client_id", clientId, "scope", scope));
        JsonNode body = Json.object(response.body(), "the device authorization endpoint");
        if (response.statusCode() != 200) {
            String error = Json.text(body, "error").orElse("HTTP " + response.statusCode());
            throw new CliException(error.equals("unauthorized_client") || error.equals("invalid_client")
                    ? ExitCode.LOGIN_FAILED : ExitCode.UNAVAILABLE,
                    "the identity provider refused to start a device login for client '" + clientId + "': " + error
                            + Json.text(body, "error_description").map(d -> " (" + d + ")").orElse(""));
        }
        String deviceCode = Json.text(body, "device_code").orElseThrow(() -> missing("device_code"));
        String userCode = Json.text(body, "user_code").orElseThrow(() -> missing("user_code"));
        String uri = Json.text(body, "verification_uri").orElseThrow(() -> missing("verification_uri"));
        long expires = Json.number(body, "expires_in", 600);
        long interval = Json.number(body, "interval", DeviceAuthorization.DEFAULT_INTERVAL.toSeconds());
        return new DeviceAuthorization(deviceCode, userCode, uri, Json.text(body, "verification_uri_complete"),
                Duration.ofSeconds(expires), Duration.ofSeconds(Math.max(1, interval)));
    }

    @Override
    public TokenAnswer pollDeviceToken(String deviceCode) {
        return tokenCall(Map.of("grant_type", DEVICE_GRANT, "device_code", deviceCode, "client_id", clientId));
    }

    @Override
    public TokenAnswer refresh(String refreshToken) {
        return tokenCall(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
    }

    @Override
    public boolean revoke(String refreshToken) {
        if (metadata.revocationEndpoint().isEmpty()) {
            return false;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", refreshToken);
        form.put("token_type_hint", "refresh_token");
        form.put("client_id", clientId);
        HttpResponse<String> response = http.postForm(metadata.revocationEndpoint().get(), form);
        if (response.statusCode() != 200) {
            throw new CliException(ExitCode.UNAVAILABLE, "the identity provider did not revoke the session (HTTP "
                    + response.statusCode() + ")");
        }
        return true;
    }

    private TokenAnswer tokenCall(Map<String, String> form) {
        Instant now = clock.instant();
        HttpResponse<String> response = http.postForm(metadata.tokenEndpoint(), form);
        if (response.statusCode() >= 500) {
            throw new CliException(ExitCode.UNAVAILABLE, "the identity provider's token endpoint answered HTTP "
                    + response.statusCode());
        }
        JsonNode body = Json.object(response.body(), "the token endpoint");
        if (response.statusCode() != 200) {
            return new TokenAnswer.Refused(Json.text(body, "error").orElse("HTTP " + response.statusCode()),
                    Json.text(body, "error_description").orElse(""));
        }
        String access = Json.text(body, "access_token").orElseThrow(() -> missing("access_token"));
        long expiresIn = Json.number(body, "expires_in", 300);
        long refreshExpiresIn = Json.number(body, "refresh_expires_in", 0);
        Optional<String> refresh = Json.text(body, "refresh_token");
        return new TokenAnswer.Issued(new TokenSet(metadata.issuer(), clientId, access, now.plusSeconds(expiresIn),
                refresh.orElse(null),
                refresh.isPresent() && refreshExpiresIn > 0 ? now.plusSeconds(refreshExpiresIn) : null));
    }

    private static CliException missing(String field) {
        return new CliException(ExitCode.UNAVAILABLE, "the identity provider's answer has no " + field);
    }
}
