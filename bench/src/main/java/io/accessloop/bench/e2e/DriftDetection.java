package io.accessloop.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.bench.load.LatencyRecorder;
import io.accessloop.bench.load.LoadResults;
import io.accessloop.bench.load.LoadRun;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Config change → drift finding: an out-of-band iam:PutRolePolicy (as the account root) on a managed entitlement
 * role; the sandbox delivers the Config Configuration Item Change to drift's {@code POST /ingest/aws/events} (the
 * push target deploy/run.sh registers, as EventBridge would); timed until {@code GET /api/v1/findings} shows the
 * out-of-band-change finding naming that policy. Then sustained ingestion: N clients posting distinct Config
 * notifications, against the same server's liveness probe as baseline, and how long drift takes to process the
 * backlog.
 */
final class DriftDetection {

    private static final String ROLE_NAME = "entitlement-legacy-support";
    private static final String ROLE_ARN = "arn:aws:iam::000000000000:role/accessloop/" + ROLE_NAME;

    private DriftDetection() {
    }

    static void run(Context ctx) throws Exception {
        latency(ctx);
        ingestion(ctx);
    }

    private static void latency(Context ctx) {
        int n = ctx.iterations(20, 100);
        Samples baseline = new Samples(Samples.WARM_UP);
        HttpRequest live = HttpRequest.newBuilder(ctx.stack.drift().resolve("/q/health/live")).build();
        for (int i = 0; i < n + Samples.WARM_UP; i++) {
            long t0 = System.nanoTime();
            if (ctx.http.send(live).statusCode() == 200) {
                baseline.add(System.nanoTime() - t0);
            } else {
                baseline.failed();
            }
        }
        Samples measured = new Samples(Samples.WARM_UP);
        URI findings = ctx.stack.drift().resolve("/api/v1/findings?rule=out-of-band-change&status=OPEN&limit=200&principalArn="
                + AwsSessions.enc(ROLE_ARN));
        for (int i = 0; i < n + Samples.WARM_UP; i++) {
            String policy = "bench-oob-" + ctx.run + "-" + i;
            String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                    + "\"Resource\":\"arn:aws:s3:::bench-" + ctx.run + "/" + i + "/*\"}]}";
            String carol = ctx.tokens.of("carol");
            long t0 = System.nanoTime();
            ctx.aws.rootIam("Action=PutRolePolicy&RoleName=" + ROLE_NAME + "&PolicyName=" + policy
                    + "&PolicyDocument=" + AwsSessions.enc(doc));
            long t1 = Poll.until(() -> names(ctx.http.getJson(findings, carol), policy), Duration.ofSeconds(15), 10);
            if (t1 < 0) {
                measured.failed();
            } else {
                measured.add(t1 - t0);
            }
            ctx.aws.rootIam("Action=DeleteRolePolicy&RoleName=" + ROLE_NAME + "&PolicyName=" + policy);
        }
        String params = "iterations=" + n;
        LoadResults.add(ctx.rows, "e2e.DriftDetection.baselineLivenessProbe", params, baseline.summary());
        LoadResults.add(ctx.rows, "e2e.DriftDetection.changeToFinding", params, measured.summary());
        if (measured.summary().failures() > 0) {
            ctx.note("DriftDetection.changeToFindingP99", measured.summary().failures() + " of " + n
                    + " out-of-band changes showed no finding within 15 s");
        }
    }

    private static boolean names(JsonNode page, String policy) {
        for (JsonNode finding : page.path("items")) {
            if (finding.path("summary").asText().contains(policy + " ")) {
                return true;
            }
        }
        return false;
    }

    private static void ingestion(Context ctx) throws Exception {
        int threads = 16;
        Duration measure = Duration.ofSeconds(ctx.full ? 30 : 3);
        String template = Notifications.roleChange();
        AtomicLong sequence = new AtomicLong();
        URI ingest = ctx.stack.drift().resolve("/ingest/aws/events");
        long before = processed(ctx);
        LatencyRecorder.Summary posted = LoadRun.run(() -> ctx.http.send(HttpRequest.newBuilder(ingest)
                .header("Content-Type", "application/json").header(LocalStack.INGEST_HEADER, LocalStack.INGEST_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(Notifications.fill(template, sequence.incrementAndGet(),
                        ctx.run))).build()).statusCode() == 202, threads, Duration.ofSeconds(2), measure);
        long accepted = sequence.get();
        long drainStart = System.nanoTime();
        long drained = Poll.until(() -> processed(ctx) >= before + accepted, Duration.ofSeconds(ctx.full ? 600 : 90), 500);
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        HttpRequest live = HttpRequest.newBuilder(ctx.stack.drift().resolve("/q/health/live")).build();
        LatencyRecorder.Summary baseline = LoadRun.run(() -> ctx.http.send(live).statusCode() == 200, threads,
                Duration.ofSeconds(2), measure);
        String params = "threads=" + threads;
        LoadResults.add(ctx.rows, "e2e.DriftIngestion.baselineLivenessProbe", params, baseline);
        LoadResults.add(ctx.rows, "e2e.DriftIngestion.ingestConfigChange", params, posted);
        if (posted.failures() > 0) {
            ctx.note("DriftIngestion.ingestConfigChange", posted.failures() + " notifications were not answered 202");
        }
        long processedNow = processed(ctx) - before;
        LoadResults.single(ctx.rows, "e2e.DriftIngestion.processedAfterIngest", "notifications=" + accepted,
                drained < 0 ? processedNow / drainSeconds : accepted / drainSeconds, "changes/s");
        ctx.note("DriftIngestion.processedAfterIngest", drained < 0
                ? "the backlog of " + accepted + " changes was not processed within the wait (" + processedNow + " done)"
                : "all " + accepted + " accepted changes (warm-up included) processed " + String.format("%.1f", drainSeconds)
                + " s after the ingest load ended; rate = accepted / drain time");
    }

    /** Raw events drift has processed (its inbox on accessloop.aws.changes). */
    private static long processed(Context ctx) {
        try {
            return ctx.db.count("drift", "select count(*) from inbox_event where type like ?", "io.accessloop.aws.%");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Config Configuration Item Change (EventBridge shape) for an unmanaged role, one distinct id per change. */
    static final class Notifications {

        private Notifications() {
        }

        static String roleChange() {
            return "{\"version\":\"0\",\"id\":\"@ID@\",\"detail-type\":\"Config Configuration Item Change\","
                    + "\"source\":\"aws.config\",\"account\":\"000000000000\",\"time\":\"@TIME@\",\"region\":\"us-east-1\","
                    + "\"resources\":[\"arn:aws:iam::000000000000:role/bench/@NAME@\"],\"detail\":{\"recordVersion\":\"1.3\","
                    + "\"messageType\":\"ConfigurationItemChangeNotification\",\"configurationItemDiff\":{\"changedProperties\":{},"
                    + "\"changeType\":\"UPDATE\"},\"notificationCreationTime\":\"@TIME@\",\"configurationItem\":{"
                    + "\"relatedEvents\":[],\"relationships\":[],\"configuration\":{\"path\":\"/bench/\",\"roleName\":\"@NAME@\","
                    + "\"roleId\":\"AROABENCH@NAME@\",\"arn\":\"arn:aws:iam::000000000000:role/bench/@NAME@\","
                    + "\"createDate\":\"2026-11-02T08:00:00.000Z\",\"assumeRolePolicyDocument\":\"%7B%22Version%22%3A%222012-10-17%22%2C"
                    + "%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A"
                    + "000000000000%3Aroot%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D\",\"instanceProfileList\":[],"
                    + "\"rolePolicyList\":[{\"policyName\":\"read\",\"policyDocument\":\"%7B%22Version%22%3A%222012-10-17%22%2C"
                    + "%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource"
                    + "%22%3A%22arn%3Aaws%3As3%3A%3A%3Abench%2F@SEQ@%22%7D%5D%7D\"}],\"attachedManagedPolicies\":[],"
                    + "\"permissionsBoundary\":null,\"tags\":[],\"roleLastUsed\":null},\"supplementaryConfiguration\":{},"
                    + "\"tags\":{},\"configurationItemVersion\":\"1.3\",\"configurationItemCaptureTime\":\"@TIME@\","
                    + "\"configurationStateId\":@SEQ@,\"awsAccountId\":\"000000000000\",\"configurationItemStatus\":\"OK\","
                    + "\"resourceType\":\"AWS::IAM::Role\",\"resourceId\":\"AROABENCH@NAME@\",\"resourceName\":\"@NAME@\","
                    + "\"ARN\":\"arn:aws:iam::000000000000:role/bench/@NAME@\",\"awsRegion\":\"global\","
                    + "\"availabilityZone\":\"Not Applicable\",\"configurationStateMd5Hash\":\"\","
                    + "\"resourceCreationTime\":\"2026-11-02T08:00:00.000Z\"}}}";
        }

        static String fill(String template, long sequence, String run) {
            return template.replace("@ID@", UUID.randomUUID().toString())
                    .replace("@TIME@", Instant.now().toString())
                    .replace("@NAME@", "bench-" + run + "-" + (sequence % 1000))
                    .replace("@SEQ@", Long.toString(System.currentTimeMillis() * 1000 + sequence % 1000));
        }
    }
}
