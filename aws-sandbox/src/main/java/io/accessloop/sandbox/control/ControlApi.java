package io.accessloop.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.sandbox.auth.AuthenticationException;
import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.auth.KeyMaterial;
import io.accessloop.sandbox.config.NotificationTarget;
import io.accessloop.sandbox.core.Json;
import io.accessloop.sandbox.engine.Sandbox;
import io.accessloop.sandbox.protocol.HttpCall;
import io.accessloop.sandbox.protocol.HttpReply;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox control API under {@code /_sandbox/}: reset, seed, clock, faults, simulate, Config notification
 * targets and CloudTrail log-file flush. JSON in, JSON out; errors are {@code {"error":…,"message":…}}.
 */
public final class ControlApi {

    private static final String JSON = "application/json";

    private final Sandbox sandbox;

    public ControlApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public HttpReply handle(HttpCall call) {
        String path = call.path();
        String method = call.method();
        try {
            JsonNode body = body(call);
            if (path.equals("/_sandbox") || path.equals("/_sandbox/")) {
                return ok(status());
            }
            if (path.equals("/_sandbox/reset") && method.equals("POST")) {
                sandbox.reset();
                return ok(Map.of("status", "reset"));
            }
            if (path.startsWith("/_sandbox/seed/") && method.equals("POST")) {
                String scenario = path.substring("/_sandbox/seed/".length());
                if (!Scenarios.NAMES.contains(scenario)) {
                    return error(404, "UnknownScenario", "unknown scenario '" + scenario + "'; known: "
                            + Scenarios.NAMES);
                }
                return ok(Scenarios.seed(sandbox, scenario));
            }
            if (path.equals("/_sandbox/clock")) {
                if (method.equals("POST")) {
                    changeClock(body);
                } else if (!method.equals("GET")) {
                    return error(405, "MethodNotAllowed", "use GET or POST");
                }
                return ok(clock());
            }
            if (path.equals("/_sandbox/faults")) {
                return faults(method, body);
            }
            if (path.equals("/_sandbox/simulate") && method.equals("POST")) {
                return simulate(body, call.sourceIp());
            }
            if (path.equals("/_sandbox/config/targets")) {
                return targets(method, body);
            }
            if (path.equals("/_sandbox/cloudwatch/metrics")) {
                if (!method.equals("GET")) {
                    return error(405, "MethodNotAllowed", "use GET");
                }
                return ok(metrics(call.queryParameters()));
            }
            if (path.equals("/_sandbox/cloudtrail/flush") && method.equals("POST")) {
                return ok(Map.of("files", sandbox.flushTrailFiles()));
            }
            return error(404, "NotFound", "no control endpoint " + method + " " + path);
        } catch (IllegalArgumentException e) {
            return error(400, "BadRequest", e.getMessage());
        } catch (IOException e) {
            return error(500, "IoError", e.getMessage());
        }
    }

    /** Every datum put through CloudWatch, oldest first, optionally of one namespace and metric name. */
    private Map<String, Object> metrics(Map<String, String> query) {
        String namespace = query.get("namespace");
        String name = query.get("metricName");
        var data = sandbox.metrics().find(d -> (namespace == null || d.metric().namespace().equals(namespace))
                && (name == null || d.metric().metricName().equals(name)));
        return Map.of("metrics", data.stream().map(io.accessloop.sandbox.cloudwatch.Datum::view).toList());
    }

    private static JsonNode body(HttpCall call) {
        if (call.body().length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode node = Json.tryParse(call.body());
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return node;
    }

    private Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accountId", sandbox.settings().accountId());
        out.put("region", sandbox.settings().region());
        out.put("bootstrapAccessKeyId", sandbox.settings().bootstrapAccessKeyId());
        out.put("now", sandbox.clock().now().toString());
        out.put("sessions", sandbox.sessions().size());
        out.put("cloudTrailEvents", sandbox.trail().all().size());
        out.put("notificationsDelivered", sandbox.notifier().delivered());
        out.put("notificationsFailed", sandbox.notifier().failed());
        return out;
    }

    private Map<String, Object> clock() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", sandbox.clock().now().toString());
        out.put("offsetSeconds", sandbox.clock().offset().toMillis() / 1000.0);
        return out;
    }

    private void changeClock(JsonNode body) {
        if (body.path("reset").asBoolean(false)) {
            sandbox.clock().reset();
            return;
        }
        if (body.hasNonNull("set")) {
            try {
                sandbox.clock().set(Instant.parse(body.get("set").asText()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("set must be an ISO-8601 instant such as 2030-01-01T00:00:00Z");
            }
            return;
        }
        if (body.hasNonNull("advanceSeconds")) {
            JsonNode n = body.get("advanceSeconds");
            if (!n.isNumber()) {
                throw new IllegalArgumentException("advanceSeconds must be a number");
            }
            sandbox.clock().advance(Duration.ofMillis((long) (n.asDouble() * 1000)));
            return;
        }
        if (body.hasNonNull("advance")) {
            try {
                sandbox.clock().advance(Duration.parse(body.get("advance").asText()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("advance must be an ISO-8601 duration such as PT1H");
            }
            return;
        }
        throw new IllegalArgumentException("give one of: set (instant), advanceSeconds (number), advance (duration), "
                + "reset (true)");
    }

    private HttpReply faults(String method, JsonNode body) {
        switch (method) {
            case "GET":
                return ok(Map.of("faults", sandbox.faults().rules()));
            case "DELETE":
                sandbox.faults().clear();
                return ok(Map.of("faults", List.of()));
            case "POST":
                FaultRule rule = sandbox.faults().add(text(body, "action"), text(body, "type"),
                        body.hasNonNull("statusCode") ? body.get("statusCode").asInt() : null,
                        body.hasNonNull("latencyMillis") ? body.get("latencyMillis").asLong() : null,
                        body.hasNonNull("probability") ? body.get("probability").asDouble() : null,
                        body.hasNonNull("count") ? body.get("count").asInt() : null);
                return reply(201, rule);
            default:
                return error(405, "MethodNotAllowed", "use GET, POST or DELETE");
        }
    }

    private HttpReply targets(String method, JsonNode body) {
        switch (method) {
            case "GET":
                return ok(Map.of("targets", sandbox.notifier().targets()));
            case "DELETE":
                sandbox.notifier().clear();
                return ok(Map.of("targets", List.of()));
            case "POST":
                String url = text(body, "url");
                if (url == null) {
                    throw new IllegalArgumentException("url is required");
                }
                URI uri;
                try {
                    uri = URI.create(url);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("url is not a valid URI");
                }
                if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                    throw new IllegalArgumentException("url must be an absolute http(s) URL");
                }
                String headerName = text(body, "headerName");
                String headerValue = text(body, "headerValue");
                if ((headerName == null) != (headerValue == null)) {
                    throw new IllegalArgumentException("headerName and headerValue go together");
                }
                NotificationTarget target = new NotificationTarget(url, headerName, headerValue);
                sandbox.notifier().add(target);
                return reply(201, target);
            default:
                return error(405, "MethodNotAllowed", "use GET, POST or DELETE");
        }
    }

    private HttpReply simulate(JsonNode body, String sourceIp) {
        String accessKeyId = text(body, "accessKeyId");
        String action = text(body, "action");
        if (accessKeyId == null || action == null) {
            throw new IllegalArgumentException("accessKeyId and action are required");
        }
        int colon = action.indexOf(':');
        if (colon <= 0 || colon == action.length() - 1 || action.contains("*")) {
            throw new IllegalArgumentException("action must be service:Action, e.g. s3:GetObject");
        }
        KeyMaterial key = sandbox.keyMaterial(accessKeyId);
        if (key == null || !key.active()) {
            return error(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        String secret = text(body, "secretAccessKey");
        if (secret != null && !equal(secret, key.secretAccessKey())) {
            return error(403, "SignatureDoesNotMatch", "The secret access key does not match the access key id.");
        }
        Instant now = sandbox.clock().now();
        if (key.temporary()) {
            String token = text(body, "sessionToken");
            if (token == null || !equal(token, key.sessionToken())) {
                return error(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
            }
            if (!now.isBefore(key.expiration())) {
                return error(403, "ExpiredToken", "The security token included in the request is expired");
            }
        }
        Caller caller;
        try {
            caller = sandbox.callerOf(accessKeyId);
        } catch (AuthenticationException e) {
            return error(403, e.failure().queryCode(), e.failure().message());
        }
        String eventName = body.hasNonNull("eventName") ? body.get("eventName").asText()
                : action.substring(colon + 1);
        String resource = body.hasNonNull("resource") ? body.get("resource").asText() : "*";
        String region = body.hasNonNull("region") ? body.get("region").asText() : sandbox.settings().region();
        String ip = body.hasNonNull("sourceIPAddress") ? body.get("sourceIPAddress").asText() : sourceIp;
        int count = body.hasNonNull("count") ? body.get("count").asInt() : 1;
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("count must be between 1 and 1000");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> requestParameters = body.hasNonNull("requestParameters")
                ? Json.MAPPER.convertValue(body.get("requestParameters"), Map.class) : Map.of();
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (body.hasNonNull("context")) {
            body.get("context").fields().forEachRemaining(e -> {
                List<String> values = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> values.add(v.asText()));
                } else {
                    values.add(e.getValue().asText());
                }
                context.put(e.getKey(), values);
            });
        }
        List<String> eventIds = new ArrayList<>();
        WorkloadCall.Outcome last = null;
        for (int i = 0; i < count; i++) {
            last = WorkloadCall.perform(sandbox, caller, action, eventName, resource, now, region, ip,
                    requestParameters, context);
            eventIds.add(last.event().eventId());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision", last.result().decision().name());
        out.put("allowed", last.result().isAllowed());
        out.put("errorCode", last.result().isAllowed() ? null : "AccessDenied");
        out.put("principalArn", caller.arn());
        out.put("eventIds", eventIds);
        return ok(out);
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static HttpReply ok(Object body) {
        return reply(200, body);
    }

    private static HttpReply reply(int status, Object body) {
        return HttpReply.of(status, JSON, Json.bytes(body));
    }

    private static HttpReply error(int status, String code, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", code);
        out.put("message", message);
        return reply(status, out);
    }
}
