package io.accessloop.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code sts:AssumeRole} against the aws-sandbox with SigV4 verification on (the broker's call: source identity and
 * session tags on the demo entitlement role), beside the baseline of the same server answering its liveness probe.
 * Usage: {@code AssumeRoleLoad <sandbox endpoint> <seconds> <threads> <results.json>}.
 */
public final class AssumeRoleLoad {

    private static final String ROLE = "arn:aws:iam::000000000000:role/accessloop/entitlement-reports-read";

    private AssumeRoleLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        Duration measure = Duration.ofSeconds(Long.parseLong(args[1]));
        int threads = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        send(http, HttpRequest.newBuilder(endpoint.resolve("/_sandbox/seed/demo"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        SignedQuery sts = new SignedQuery(endpoint, "sts", "AKIAACCESSLOOPBROKER",
                "accessloop-demo-broker-secret-key-0000000");
        AtomicLong sequence = new AtomicLong();
        LatencyRecorder.Summary assume = LoadRun.run(() -> ok(http, sts.request(assumeRoleForm(sequence.incrementAndGet()))),
                threads, Duration.ofSeconds(3), measure);
        HttpRequest live = HttpRequest.newBuilder(endpoint.resolve("/q/health/live")).build();
        LatencyRecorder.Summary baseline = LoadRun.run(() -> ok(http, live), threads, Duration.ofSeconds(3), measure);

        ArrayNode rows = new ObjectMapper().createArrayNode();
        LoadResults.add(rows, "load.AssumeRoleLoad.baselineLivenessProbe", "threads=" + threads, baseline);
        LoadResults.add(rows, "load.AssumeRoleLoad.assumeRoleSigV4", "threads=" + threads, assume);
        LoadResults.write(Path.of(args[3]), rows);
        System.out.printf("AssumeRole: %.0f calls/s, p50 %.1f ms, p99 %.1f ms, %d failures; baseline %.0f calls/s%n",
                assume.perSecond(), assume.p50(), assume.p99(), assume.failures(), baseline.perSecond());
    }

    private static String assumeRoleForm(long n) {
        return "Action=AssumeRole&Version=2011-06-15&RoleArn=" + encode(ROLE)
                + "&RoleSessionName=alice" + n % 1000 + "&DurationSeconds=900&SourceIdentity=" + encode("alice@example.com")
                + "&Tags.member.1.Key=" + encode("accessloop:grant-id") + "&Tags.member.1.Value=grt_bench" + n;
    }

    private static boolean ok(HttpClient http, HttpRequest request) {
        return send(http, request).statusCode() == 200;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
