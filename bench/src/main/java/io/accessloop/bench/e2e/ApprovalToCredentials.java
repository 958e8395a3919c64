package io.accessloop.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.bench.load.LoadResults;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.time.Duration;
import java.util.Map;

/**
 * Approval → usable credentials: alice asks for {@code prod-db-admin} (needs one approval), bob approves, alice
 * takes credential_process credentials and sts:GetCallerIdentity succeeds with them. Timed from the approve call to
 * the first successful GetCallerIdentity. Baseline: a plain sts:AssumeRole on the sandbox, same run, same count.
 */
final class ApprovalToCredentials {

    private ApprovalToCredentials() {
    }

    static void run(Context ctx) {
        int n = ctx.iterations(30, 200);
        Samples baseline = new Samples(Samples.WARM_UP);
        for (int i = 0; i < n + Samples.WARM_UP; i++) {
            long t0 = System.nanoTime();
            if (ctx.aws.plainAssumeRole(LocalStack.DB_ADMIN_ROLE)) {
                baseline.add(System.nanoTime() - t0);
            } else {
                baseline.failed();
            }
        }
        Samples measured = new Samples(Samples.WARM_UP);
        for (int i = 0; i < n + Samples.WARM_UP; i++) {
            JsonNode request = ctx.http.postJson(ctx.stack.broker().resolve("/api/v1/requests"), ctx.tokens.of("alice"),
                    Map.of("entitlement", "prod-db-admin", "reason", "bench approval round " + i,
                            "durationSeconds", 3600, "ticket", "INC-" + (1000 + i)), 201);
            String bob = ctx.tokens.of("bob");
            String alice = ctx.tokens.of("alice");
            long t0 = System.nanoTime();
            JsonNode approved = ctx.http.postJson(ctx.stack.broker().resolve("/api/v1/requests/"
                    + request.get("id").asText() + "/approve"), bob, Map.of("comment", "bench"), 200);
            JsonNode credentials = ctx.http.postJson(ctx.stack.broker().resolve("/api/v1/grants/"
                    + approved.get("grantId").asText() + "/credentials"), alice, null, 200);
            AwsSessionCredentials session = AwsSessionCredentials.create(credentials.get("AccessKeyId").asText(),
                    credentials.get("SecretAccessKey").asText(), credentials.get("SessionToken").asText());
            long t1 = Poll.until(() -> ctx.aws.works(session), Duration.ofSeconds(10), 5);
            if (t1 < 0) {
                measured.failed();
            } else {
                measured.add(t1 - t0);
            }
        }
        String params = "iterations=" + n;
        LoadResults.add(ctx.rows, "e2e.ApprovalToCredentials.baselinePlainAssumeRole", params, baseline.summary());
        LoadResults.add(ctx.rows, "e2e.ApprovalToCredentials.approveToCredentials", params, measured.summary());
        if (measured.summary().failures() > 0) {
            ctx.note("ApprovalToCredentials.approveToCredentialsP99", measured.summary().failures()
                    + " of " + n + " rounds never got working credentials within 10 s");
        }
    }
}
