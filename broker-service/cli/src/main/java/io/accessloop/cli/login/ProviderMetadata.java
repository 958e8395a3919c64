package io.accessloop.cli.login;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;
import io.accessloop.cli.support.Http;
import io.accessloop.cli.support.Json;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/** The endpoints an issuer publishes at {@code /.well-known/openid-configuration} that the CLI uses. */
public record ProviderMetadata(String issuer, URI tokenEndpoint, URI deviceAuthorizationEndpoint,
                               Optional<URI> revocationEndpoint) {

    /** Reads the issuer's discovery document and checks that it names the same issuer (OIDC Discovery §4.3). */
    public static ProviderMetadata discover(Http http, String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        URI uri = URI.create(base + "/.well-known/openid-configuration");
        HttpResponse<String> response = http.get(uri, Map.of("Accept", "application/json"));
        if (response.statusCode() != 200) {
            throw new CliException(ExitCode.UNAVAILABLE, "the issuer " + issuer + " has no OpenID discovery document ("
                    + uri + " answered HTTP " + response.statusCode() + ")");
        }
        JsonNode doc = Json.object(response.body(), "the issuer's discovery document");
        String announced = Json.text(doc, "issuer").orElse("");
        if (!stripSlash(announced).equals(base)) {
            throw new CliException(ExitCode.UNAVAILABLE, "the discovery document of " + issuer
                    + " names another issuer (" + announced + ")");
        }
        URI token = endpoint(doc, "token_endpoint").orElseThrow(() -> new CliException(ExitCode.UNAVAILABLE,
                "the issuer " + issuer + " publishes no token_endpoint"));
        URI device = endpoint(doc, "device_authorization_endpoint").orElseThrow(() -> new CliException(
                ExitCode.UNAVAILABLE, "the issuer " + issuer + " does not offer the device authorization grant "
                + "(no device_authorization_endpoint)"));
        return new ProviderMetadata(announced, token, device, endpoint(doc, "revocation_endpoint"));
    }

    private static Optional<URI> endpoint(JsonNode doc, String field) {
        return Json.text(doc, field).map(URI::create);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
