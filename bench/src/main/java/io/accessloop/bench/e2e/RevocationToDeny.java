package io.accessloop.bench.e2e;

import io.accessloop.bench.load.LoadResults;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Trigger → deny in place, polled with the grant's own credentials (iam:GetRole refused by an explicit deny):
 * a revoke by an approver, a grant reaching its end (lifecycle's expiry sweep → revoke command → broker), and an
 * HR termination of a person holding 20 grants and an IAM user (everything denied, the user's key refused).
 * Baseline: the sandbox's own iam:PutRolePolicy, the write every revocation ends in.
 */
final class RevocationToDeny {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RevocationToDeny() {
    }

    static void revoke(Context ctx) throws Exception {
        int n = ctx.iterations(20, 100);
        String params = "iterations=" + n;
        LoadResults.add(ctx.rows, "e2e.RevocationToDeny.baselinePutRolePolicy", params, baseline(ctx, n));
        Samples revoke = new Samples(Samples.WARM_UP);
        for (int i = 0; i < n + Samples.WARM_UP; i++) {
            Grants grant = Grants.aliceReportsRead(ctx, "bench revoke round " + i);
            long t0 = System.nanoTime();
            ctx.http.postJson(ctx.stack.broker().resolve("/api/v1/grants/" + grant.grantId() + "/revoke"),
                    ctx.tokens.of("bob"), Map.of("reason", "bench"), 200);
            record(revoke, t0, Poll.until(() -> ctx.aws.deniedExplicitly(grant.credentials(), LocalStack.REPORTS_ROLE),
                    TIMEOUT, 5));
        }
        LoadResults.add(ctx.rows, "e2e.RevocationToDeny.revokeToDeny", params, revoke.summary());
        noteFailures(ctx, "revokeToDenyP99", revoke);
    }

    static void expiry(Context ctx) throws Exception {
        int n = ctx.iterations(20, 100);
        Samples expiry = new Samples(Samples.WARM_UP);
        for (int i = 0; i < n + Samples.WARM_UP; i++) {
            Grants grant = Grants.aliceReportsRead(ctx, "bench expiry round " + i);
            if (Poll.until(() -> scheduled(ctx, grant.grantId()), Duration.ofSeconds(60), 20) < 0) {
                throw new IllegalStateException("lifecycle did not schedule " + grant.grantId()
                        + " within 60 s of its activation (is lifecycle-service consuming accessloop.access?)");
            }
            long t0 = System.nanoTime();
            ctx.db.update("lifecycle", "update grant_schedule set ends_at = now() where grant_id = ?", grant.grantId());
            record(expiry, t0, Poll.until(() -> ctx.aws.deniedExplicitly(grant.credentials(), LocalStack.REPORTS_ROLE),
                    TIMEOUT, 5));
        }
        LoadResults.add(ctx.rows, "e2e.RevocationToDeny.expiryToDeny", "iterations=" + n, expiry.summary());
        ctx.figures.put("expiryToDenyP50", expiry.summary().p50());
        noteFailures(ctx, "expiryToDenyP99", expiry);
        ctx.note("RevocationToDeny.expiryToDenyP99", "the trigger is the grant's end written into lifecycle's "
                + "schedule; the expiry sweep runs every second, so up to 1 s of each figure is the sweep interval");
    }

    static void offboarding(Context ctx) throws Exception {
        int people = ctx.iterations(10, 30);
        Samples offboarding = new Samples();
        for (int p = 0; p < people; p++) {
            offboard(ctx, offboarding, "leaver-" + ctx.run + "-" + p + "@example.com");
        }
        LoadResults.add(ctx.rows, "e2e.RevocationToDeny.offboardingToDeny", "people=" + people + ", grantsEach=20",
                offboarding.summary());
        noteFailures(ctx, "offboardingToDenyP99", offboarding);
    }

    private static void noteFailures(Context ctx, String figure, Samples samples) {
        if (samples.summary().failures() > 0) {
            ctx.note("RevocationToDeny." + figure, samples.summary().failures() + " triggers never led to a deny within "
                    + TIMEOUT.toSeconds() + " s");
        }
    }

    private static void offboard(Context ctx, Samples samples, String person) throws Exception {
        List<Databases.SeededGrant> grants = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
            boolean reports = g % 2 == 0;
            grants.add(new Databases.SeededGrant("grt_" + UUID.randomUUID().toString().replace("-", ""), person,
                    reports ? "reports-read" : "prod-db-admin", reports ? LocalStack.REPORTS_ROLE : LocalStack.DB_ADMIN_ROLE));
        }
        Instant now = Instant.now();
        ctx.db.seedBrokerGrants(grants, now, now.plusSeconds(3600));
        ctx.db.seedSchedule(grants, now.plusSeconds(3600));
        Map<AwsSessionCredentials, String> sessions = new LinkedHashMap<>();
        for (Databases.SeededGrant g : grants) {
            sessions.put(ctx.aws.assumeRole(g.roleArn(), person, g.id()), g.roleArn());
            ctx.db.sessionIssued(g.id());
        }
        ctx.aws.rootIam("Action=CreateUser&UserName=" + AwsSessions.enc(person));
        String keyXml = ctx.aws.rootIam("Action=CreateAccessKey&UserName=" + AwsSessions.enc(person));
        AwsBasicCredentials key = AwsBasicCredentials.create(AwsSessions.tag(keyXml, "AccessKeyId"),
                AwsSessions.tag(keyXml, "SecretAccessKey"));
        if (ctx.aws.keyRefused(key) || sessions.entrySet().stream().anyMatch(s -> !ctx.aws.works(s.getKey())
                || ctx.aws.deniedExplicitly(s.getKey(), s.getValue()))) {
            throw new IllegalStateException("the credentials of " + person + " do not work before the termination");
        }
        long t0 = System.nanoTime();
        terminate(ctx, person);
        Map<AwsSessionCredentials, String> open = new LinkedHashMap<>(sessions);
        long done = Poll.until(() -> {
            open.entrySet().removeIf(s -> ctx.aws.deniedExplicitly(s.getKey(), s.getValue()));
            return open.isEmpty() && ctx.aws.keyRefused(key);
        }, TIMEOUT, 5);
        record(samples, t0, done);
    }

    static void terminate(Context ctx, String person) throws Exception {
        String body = Http.write(Map.of("id", "hr-bench-" + UUID.randomUUID(), "type", "employee.terminated",
                "occurredAt", Instant.now().toString(),
                "employee", Map.of("email", person, "employeeId", "E" + Math.abs(person.hashCode()), "team", "payments")));
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(LocalStack.HR_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        Http.expect(ctx.http.send(HttpRequest.newBuilder(ctx.stack.lifecycle().resolve("/hr/events"))
                .header("Content-Type", "application/json").header("Accessloop-Signature", "t=" + t + ",v1=" + v1)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()), 202);
    }

    private static boolean scheduled(Context ctx, String grant) {
        try {
            return ctx.db.count("lifecycle", "select count(*) from grant_schedule where grant_id = ? and status = 'ACTIVE'",
                    grant) == 1;
        } catch (Exception e) {
            return false;
        }
    }

    private static io.accessloop.bench.load.LatencyRecorder.Summary baseline(Context ctx, int n) {
        ctx.aws.rootIam("Action=CreateRole&RoleName=bench-scratch-" + ctx.run + "&AssumeRolePolicyDocument="
                + AwsSessions.enc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}"));
        Samples samples = new Samples(Samples.WARM_UP);
        for (int i = 0; i < n + Samples.WARM_UP; i++) {
            String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/accessloop:grant-id\":\"grt_baseline" + i + "\"}}}]}";
            long t0 = System.nanoTime();
            ctx.aws.rootIam("Action=PutRolePolicy&RoleName=bench-scratch-" + ctx.run
                    + "&PolicyName=accessloop-revocations&PolicyDocument=" + AwsSessions.enc(doc));
            samples.add(System.nanoTime() - t0);
        }
        return samples.summary();
    }

    private static void record(Samples samples, long t0, long t1) {
        if (t1 < 0) {
            samples.failed();
        } else {
            samples.add(t1 - t0);
        }
    }
}
