package io.accessloop.broker.credentials.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.broker.config.BrokerSettings;
import io.accessloop.broker.credentials.domain.AwsRefusal;
import io.accessloop.broker.credentials.domain.ConsoleSignIn;
import io.accessloop.broker.credentials.domain.TemporaryCredentials;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS federation endpoint: {@code getSigninToken} with the session's keys, then a {@code login} URL that opens
 * the console at a destination. The keys travel only in the getSigninToken call.
 */
@ApplicationScoped
public class FederationConsoleSignIn implements ConsoleSignIn {

    private final BrokerSettings settings;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FederationConsoleSignIn(BrokerSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    @Override
    public URI signInUrl(TemporaryCredentials credentials, int sessionDurationSeconds, String destination) {
        URI endpoint = settings.console().federationEndpoint();
        try {
            Map<String, String> session = new LinkedHashMap<>();
            session.put("sessionId", credentials.accessKeyId());
            session.put("sessionKey", credentials.secretAccessKey());
            session.put("sessionToken", credentials.sessionToken());
            URI tokenUri = URI.create(endpoint + "?Action=getSigninToken&SessionDuration=" + sessionDurationSeconds
                    + "&Session=" + encode(mapper.writeValueAsString(session)));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUri)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AwsRefusal("FederationError", response.statusCode(),
                        "federation getSigninToken answered HTTP " + response.statusCode());
            }
            JsonNode token = mapper.readTree(response.body()).get("SigninToken");
            if (token == null || token.asText().isEmpty()) {
                throw new AwsRefusal("FederationError", 502, "federation getSigninToken returned no SigninToken");
            }
            return URI.create(endpoint + "?Action=login&Issuer=" + encode(settings.console().issuer())
                    + "&Destination=" + encode(destination) + "&SigninToken=" + encode(token.asText()));
        } catch (IOException e) {
            throw new AwsRefusal("FederationError", 0, "federation endpoint unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsRefusal("FederationError", 0, "interrupted");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
