package io.accessloop.cli.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;
import io.accessloop.cli.login.AccessTokens;
import io.accessloop.cli.support.Http;
import io.accessloop.cli.support.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The broker's REST API as the CLI uses it, with the person's bearer token. An answer of 401 is retried once with a
 * refreshed token; problem+json refusals become {@link CliException}s carrying the broker's title and detail.
 */
public final class BrokerClient {

    private static final int PAGE = 100;

    private final Http http;
    private final URI base;
    private final AccessTokens tokens;

    public BrokerClient(Http http, URI base, AccessTokens tokens) {
        this.http = http;
        this.base = base;
        this.tokens = tokens;
    }

    /** The caller's ACTIVE grants. */
    public List<GrantSummary> activeGrants() {
        return pages("/api/v1/grants?mine=true&status=ACTIVE", BrokerClient::grant);
    }

    /** The caller's PENDING requests. */
    public List<RequestSummary> pendingRequests() {
        return pages("/api/v1/requests?mine=true&status=PENDING", BrokerClient::request);
    }

    public RequestSummary request(String id) {
        return request(Json.object(call("GET", "/api/v1/requests/" + encode(id), null, Map.of()).body(), "the broker"));
    }

    /** Files a request; the same {@code idempotencyKey} on a retry answers the first request instead of a second. */
    public RequestSummary submit(NewRequest draft, String idempotencyKey) {
        ObjectNode body = Json.newObject().put("entitlement", draft.entitlement()).put("reason", draft.reason());
        draft.durationSeconds().ifPresent(d -> body.put("durationSeconds", d));
        draft.ticket().ifPresent(t -> body.put("ticket", t));
        HttpResponse<String> response = call("POST", "/api/v1/requests", Json.write(body),
                Map.of("Idempotency-Key", idempotencyKey));
        return request(Json.object(response.body(), "the broker"));
    }

    /** The grant's credential_process JSON, checked to have every field the AWS CLI needs. */
    public String credentials(String grantId) {
        HttpResponse<String> response = call("POST", "/api/v1/grants/" + encode(grantId) + "/credentials", "{}",
                Map.of("Accept", "application/json"));
        JsonNode json = Json.object(response.body(), "the broker");
        for (String field : List.of("AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration")) {
            if (Json.text(json, field).isEmpty()) {
                throw new CliException(ExitCode.UNAVAILABLE, "the broker's credentials lack " + field);
            }
        }
        if (json.path("Version").asInt() != 1) {
            throw new CliException(ExitCode.UNAVAILABLE, "the broker's credentials are not credential_process version 1");
        }
        return Json.write(json);
    }

    private <T> List<T> pages(String path, Function<JsonNode, T> map) {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            String url = path + "&limit=" + PAGE + (cursor == null ? "" : "&cursor=" + encode(cursor));
            JsonNode page = Json.object(call("GET", url, null, Map.of()).body(), "the broker");
            page.path("items").forEach(item -> all.add(map.apply(item)));
            cursor = Json.text(page, "nextCursor").orElse(null);
        } while (cursor != null);
        return all;
    }

    private HttpResponse<String> call(String method, String path, String json, Map<String, String> headers) {
        HttpResponse<String> response = send(method, path, json, headers, tokens.current());
        if (response.statusCode() == 401) {
            response = send(method, path, json, headers, tokens.renew());
        }
        if (response.statusCode() >= 400) {
            throw BrokerProblem.of(response);
        }
        return response;
    }

    private HttpResponse<String> send(String method, String path, String json, Map<String, String> headers,
                                      String token) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + token);
        all.putIfAbsent("Accept", "application/json");
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + path);
        return method.equals("GET") ? http.get(uri, all) : http.postJson(uri, json, all);
    }

    private static GrantSummary grant(JsonNode g) {
        return new GrantSummary(Json.text(g, "id").orElse(""), Json.text(g, "entitlement").orElse(""),
                Json.text(g, "status").orElse(""), Json.instant(g, "endsAt").orElse(null),
                Json.number(g, "remainingSeconds", 0));
    }

    private static RequestSummary request(JsonNode r) {
        return new RequestSummary(Json.text(r, "id").orElse(""), Json.text(r, "entitlement").orElse(""),
                Json.text(r, "status").orElse(""), Json.text(r, "grantId").orElse(null),
                Json.text(r, "decidedBy").orElse(null), Json.text(r, "decisionComment").orElse(null),
                Json.instant(r, "expiresAt").orElse(null), Json.text(r.path("rule"), "explanation").orElse(""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
