package io.accessloop.bench.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens of the demo realm's people, by the password grant of the CLI client (as deploy/smoke.sh does). */
public final class Tokens {

    /** The demo logins printed by deploy/run.sh. */
    public static final Map<String, String> PASSWORDS = Map.of("alice", "alice-demo", "bob", "bob-demo",
            "carol", "carol-demo", "dave", "dave-demo", "erin", "erin-demo");

    private final Http http;
    private final URI tokenEndpoint;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public Tokens(Http http, LocalStack stack) {
        this.http = http;
        this.tokenEndpoint = stack.keycloak().resolve("/realms/accessloop/protocol/openid-connect/token");
    }

    /** A token valid for at least another 30 seconds. */
    public String of(String user) {
        Cached cached = cache.get(user);
        if (cached != null && cached.until > System.currentTimeMillis() + 30_000) {
            return cached.token;
        }
        String form = "grant_type=password&client_id=accessloop-cli&scope=openid&username=" + user
                + "&password=" + URLEncoder.encode(PASSWORDS.get(user), StandardCharsets.UTF_8);
        var answer = Http.expect(http.send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()), 200);
        Cached fresh = new Cached(answer.get("access_token").asText(),
                System.currentTimeMillis() + answer.path("expires_in").asLong(60) * 1000);
        cache.put(user, fresh);
        return fresh.token;
    }

    private record Cached(String token, long until) {
    }
}
