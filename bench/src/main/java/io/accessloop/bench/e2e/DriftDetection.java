package io.accessloop.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.bench.load.LoadResults;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Config change → drift finding: an out-of-band iam:PutRolePolicy (as the account root) on a managed entitlement
 * role; the sandbox delivers the Config Configuration Item Change to drift's {@code POST /ingest/aws/events} (the
 * push target deploy/run.sh registers, as EventBridge would); timed until {@code GET /api/v1/findings} shows the
 * out-of-band-change finding naming that policy. Sustained ingestion is {@link DriftIngestion}.
 */
final class DriftDetection {

    private static final String ROLE_NAME = "entitlement-legacy-support";
    private static final String ROLE_ARN = "arn:aws:iam::000000000000:role/accessloop/" + ROLE_NAME;

    private DriftDetection() {
    }

    static void run(Context ctx) {
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
}
