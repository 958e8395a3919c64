package io.accessloop.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.bench.load.LatencyRecorder;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Steady mixed load on the local run, one paced worker per kind of work: self-service requests with credentials
 * and release, approval rounds (approved, credentials checked, handed back), out-of-band IAM changes and Config
 * notifications, HR terminations of people holding grants, and signed-in portal pages. Every operation is checked
 * (status codes, credentials working); anything else counts as an error. The load is one the stack can keep up
 * with, so the soak sees a steady state: grants are handed back instead of piling up on a role (hundreds of live
 * grants on one role are more than its compacted deny can spare), and terminations come every 2 s (an offboarding
 * is a saga of several steps; one every 250 ms outran it, and its queue grew for as long as the soak ran).
 */
public final class MixedLoad {

    public static final int WORKERS = 6;
    private static final long PERIOD_MILLIS = 250;
    private static final long TERMINATION_PERIOD_MILLIS = 2_000;
    private static final String DRIFT_ROLE = "entitlement-legacy-support";

    private final Context ctx = new Context(false, Http.JSON.createArrayNode(), Http.JSON.createObjectNode());
    private final Map<String, LatencyRecorder> recorders = new LinkedHashMap<>();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicLong sequence = new AtomicLong();
    private final List<PortalSession> portal = new ArrayList<>();
    private final List<List<String>> pagesOf = new ArrayList<>();

    private MixedLoad() {
        for (String op : List.of("requestCredentialsRelease", "approvalRound", "outOfBandChange", "ingestNotification",
                "hrTermination", "portalPage")) {
            recorders.put(op, new LatencyRecorder(1_000_000));
        }
    }

    public static MixedLoad start() {
        MixedLoad load = new MixedLoad();
        for (String user : List.of("alice", "carol")) {
            PortalSession session = PortalSession.signIn(load.ctx.http, load.ctx.stack.portal(), user,
                    Tokens.PASSWORDS.get(user));
            List<String> visible = PortalLoad.PAGES.stream().filter(page -> session.get(page) == 200).toList();
            if (visible.isEmpty()) {
                throw new IllegalStateException(user + " sees none of " + PortalLoad.PAGES);
            }
            load.portal.add(session);
            load.pagesOf.add(visible);
        }
        return load;
    }

    /** Runs worker {@code worker}'s kind of work until {@code end}; operations before {@code recordFrom} are not counted. */
    public void work(int worker, long end, long recordFrom) {
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            boolean record = started >= recordFrom;
            switch (worker) {
                case 0 -> timed("requestCredentialsRelease", record, this::requestCredentialsRelease);
                case 1 -> timed("approvalRound", record, this::approvalRound);
                case 2 -> {
                    timed("outOfBandChange", record, this::outOfBandChange);
                    timed("ingestNotification", record, this::ingestNotification);
                }
                case 3 -> timed("hrTermination", record, this::hrTermination);
                default -> timed("portalPage", record, () -> portalPage(worker));
            }
            long rest = (worker == 3 ? TERMINATION_PERIOD_MILLIS : PERIOD_MILLIS) - (System.nanoTime() - started) / 1_000_000;
            if (rest > 0) {
                try {
                    Thread.sleep(rest);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public Map<String, LatencyRecorder.Summary> summaries(double seconds) {
        Map<String, LatencyRecorder.Summary> out = new LinkedHashMap<>();
        recorders.forEach((op, r) -> out.put(op, r.summarise(seconds)));
        return out;
    }

    /** Offboarding cases of the soak's terminated people that lifecycle has not closed yet: its backlog. */
    public long offboardingsOpen() throws java.sql.SQLException {
        return ctx.db.count("lifecycle", "select count(*) from offboarding_case where status <> 'CLOSED' "
                + "and identity like ?", "soak-" + ctx.run + "-%");
    }

    public String firstError() {
        return firstError.get();
    }

    private void timed(String op, boolean record, Work work) {
        long t0 = System.nanoTime();
        boolean ok;
        try {
            work.run();
            ok = true;
        } catch (Exception | AssertionError e) {
            ok = false;
            firstError.compareAndSet(null, op + ": " + e.getMessage());
        }
        if (record || !ok) {
            recorders.get(op).record(System.nanoTime() - t0, ok);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private void requestCredentialsRelease() {
        Grants grant = Grants.aliceReportsRead(ctx, "soak " + sequence.incrementAndGet());
        ctx.http.postJson(ctx.stack.broker().resolve("/api/v1/grants/" + grant.grantId() + "/release"),
                ctx.tokens.of("alice"), null, 200);
    }

    private void approvalRound() {
        JsonNode request = ctx.http.postJson(ctx.stack.broker().resolve("/api/v1/requests"), ctx.tokens.of("alice"),
                Map.of("entitlement", "prod-db-admin", "reason", "soak approval " + sequence.incrementAndGet(),
                        "durationSeconds", 1800, "ticket", "INC-" + sequence.get()), 201);
        JsonNode approved = ctx.http.postJson(ctx.stack.broker().resolve("/api/v1/requests/" + request.get("id").asText()
                + "/approve"), ctx.tokens.of("bob"), Map.of("comment", "soak"), 200);
        JsonNode c = ctx.http.postJson(ctx.stack.broker().resolve("/api/v1/grants/" + approved.get("grantId").asText()
                + "/credentials"), ctx.tokens.of("alice"), null, 200);
        if (!ctx.aws.works(software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                c.get("AccessKeyId").asText(), c.get("SecretAccessKey").asText(), c.get("SessionToken").asText()))) {
            throw new IllegalStateException("approved credentials do not work");
        }
        ctx.http.postJson(ctx.stack.broker().resolve("/api/v1/grants/" + approved.get("grantId").asText() + "/release"),
                ctx.tokens.of("alice"), null, 200);
    }

    private void outOfBandChange() {
        String policy = "soak-oob-" + ctx.run + "-" + sequence.incrementAndGet();
        ctx.aws.rootIam("Action=PutRolePolicy&RoleName=" + DRIFT_ROLE + "&PolicyName=" + policy + "&PolicyDocument="
                + AwsSessions.enc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::soak/" + policy + "\"}]}"));
        ctx.aws.rootIam("Action=DeleteRolePolicy&RoleName=" + DRIFT_ROLE + "&PolicyName=" + policy);
    }

    private void ingestNotification() {
        String body = ConfigChanges.fill(ConfigChanges.roleChange(),
                sequence.incrementAndGet(), "soak" + ctx.run);
        Http.expect(ctx.http.send(HttpRequest.newBuilder(ctx.stack.drift().resolve("/ingest/aws/events"))
                .header("Content-Type", "application/json").header(LocalStack.INGEST_HEADER, LocalStack.INGEST_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()), 202);
    }

    private void hrTermination() throws Exception {
        String person = "soak-" + ctx.run + "-" + sequence.incrementAndGet() + "@example.com";
        List<Databases.SeededGrant> grants = List.of(
                new Databases.SeededGrant("grt_" + UUID.randomUUID().toString().replace("-", ""), person, "reports-read",
                        LocalStack.REPORTS_ROLE),
                new Databases.SeededGrant("grt_" + UUID.randomUUID().toString().replace("-", ""), person, "prod-db-admin",
                        LocalStack.DB_ADMIN_ROLE));
        Instant now = Instant.now();
        ctx.db.seedBrokerGrants(grants, now, now.plusSeconds(3600));
        ctx.db.seedSchedule(grants, now.plusSeconds(3600));
        RevocationToDeny.terminate(ctx, person);
    }

    private void portalPage(int worker) {
        PortalSession session = portal.get(worker % portal.size());
        List<String> pages = pagesOf.get(worker % portal.size());
        String page = pages.get((int) (sequence.incrementAndGet() % pages.size()));
        int status = session.get(page);
        if (status != 200) {
            throw new IllegalStateException("portal " + page + " answered " + status);
        }
    }
}
