package io.accessloop.sandbox.sts;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.core.Ids;
import io.accessloop.sandbox.core.Json;
import io.accessloop.sandbox.core.SandboxClock;
import io.accessloop.sandbox.protocol.HttpCall;
import io.accessloop.sandbox.protocol.HttpReply;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The AWS federation sign-in endpoint: {@code getSigninToken} trades temporary credentials (from AssumeRole or
 * GetFederationToken) for a sign-in token valid 15 minutes; {@code login} redeems it and redirects to the
 * destination, as the console would.
 */
public final class FederationEndpoint {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private record SigninToken(Caller caller, Instant issued, Instant consoleSessionEnd) {
    }

    private final SessionStore sessions;
    private final SandboxClock clock;
    private final BiConsumer<Caller, String> loginRecorder;
    private final Map<String, SigninToken> tokens = new ConcurrentHashMap<>();

    public FederationEndpoint(SessionStore sessions, SandboxClock clock, BiConsumer<Caller, String> loginRecorder) {
        this.sessions = sessions;
        this.clock = clock;
        this.loginRecorder = loginRecorder;
    }

    public void clear() {
        tokens.clear();
    }

    public HttpReply handle(HttpCall call) {
        Map<String, String> params = call.queryParameters();
        if (call.method().equals("POST") && call.body().length > 0) {
            params.putAll(HttpCall.decodeForm(new String(call.body(), StandardCharsets.UTF_8)));
        }
        String action = params.get("Action");
        if ("getSigninToken".equals(action)) {
            return signinToken(params);
        }
        if ("login".equals(action)) {
            return login(params, call.sourceIp());
        }
        return error(400, "Unsupported Action: " + action);
    }

    private HttpReply signinToken(Map<String, String> params) {
        String sessionJson = params.get("Session");
        if (sessionJson == null) {
            return error(400, "Missing Session parameter");
        }
        JsonNode node = Json.tryParse(sessionJson.getBytes(StandardCharsets.UTF_8));
        if (node == null || !node.isObject()) {
            return error(400, "Session must be a JSON object with sessionId, sessionKey and sessionToken");
        }
        String id = node.path("sessionId").asText("");
        String key = node.path("sessionKey").asText("");
        String token = node.path("sessionToken").asText("");
        Session session = sessions.find(id);
        Instant now = clock.now();
        if (session == null || !equal(session.key().secretAccessKey(), key)
                || !equal(session.key().sessionToken(), token)) {
            return error(403, "The credentials in the Session parameter are not valid temporary credentials");
        }
        if (!now.isBefore(session.key().expiration())) {
            return error(403, "The session credentials have expired");
        }
        Caller caller = session.caller();
        if (caller.type() != Caller.Type.ASSUMED_ROLE && caller.type() != Caller.Type.FEDERATED_USER) {
            return error(403, "Only credentials from AssumeRole or GetFederationToken can sign in to the console");
        }
        Instant sessionEnd = session.key().expiration();
        String durationText = params.get("SessionDuration");
        if (durationText != null) {
            int duration;
            try {
                duration = Integer.parseInt(durationText);
            } catch (NumberFormatException e) {
                return error(400, "SessionDuration must be a number of seconds");
            }
            if (duration < 900 || duration > 43_200) {
                return error(400, "SessionDuration must be between 900 and 43200 seconds");
            }
            if (caller.chained()) {
                return error(400, "SessionDuration cannot be set for credentials obtained by role chaining");
            }
            sessionEnd = now.plusSeconds(duration);
        }
        String signinToken = Ids.sessionToken();
        tokens.put(signinToken, new SigninToken(caller, now, sessionEnd));
        return HttpReply.of(200, "application/json", Json.write(Map.of("SigninToken", signinToken)));
    }

    private HttpReply login(Map<String, String> params, String sourceIp) {
        String token = params.get("SigninToken");
        String destination = params.getOrDefault("Destination", "https://console.aws.amazon.com/");
        SigninToken signin = token == null ? null : tokens.get(token);
        Instant now = clock.now();
        if (signin == null || now.isAfter(signin.issued().plus(TOKEN_LIFETIME))) {
            return error(400, "The sign-in token is invalid or has expired");
        }
        URI uri;
        try {
            uri = URI.create(destination);
        } catch (IllegalArgumentException e) {
            return error(400, "Destination is not a valid URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            return error(400, "Destination must be an http(s) URL");
        }
        loginRecorder.accept(signin.caller(), sourceIp);
        return new HttpReply(302, "text/plain", new byte[0], Map.of("Location", destination,
                "Set-Cookie", "aws-sandbox-console=" + Ids.hex(32) + "; Path=/; HttpOnly; Max-Age="
                        + Math.max(0, Duration.between(now, signin.consoleSessionEnd()).getSeconds())), 0);
    }

    private static boolean equal(String a, String b) {
        return a != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpReply error(int status, String message) {
        return HttpReply.of(status, "application/json", Json.write(Map.of("Error", message)));
    }
}
