package io.accessloop.drift.rightsizing;

import io.accessloop.drift.rightsizing.service.RollbackWatch;
import io.accessloop.drift.rightsizing.service.UsageCollector;
import io.accessloop.drift.rightsizing.usage.ReadStats;
import io.accessloop.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The "done when" on the sandbox demo: the reporting role that reads S3 daily and has not written to RDS
 * for weeks gets a proven proposal without RDS write; applying it leaves the workload's calls allowed; a wrong
 * policy put on the role by hand during the watch makes the workload fail, and the AccessDenied spike rolls the
 * proposal back.
 */
@QuarkusTest
class RightsizingFlowTest {


    @Inject
    UsageCollector collector;
    @Inject
    RollbackWatch watch;
    @Inject
    Pool db;

    private DemoWorkload workload;
    private long outboxBefore;

    @BeforeEach
    void seedTheDemo() {
        outboxBefore = db.query("select coalesce(max(id), 0) from outbox_event").execute().await().indefinitely()
                .iterator().next().getLong(0);
        db.query("delete from rs_usage_daily; delete from rs_denied_call; delete from rs_usage_source; "
                + "delete from rs_proposal; delete from rs_external_last_access; delete from rs_seen_event; "
                + "delete from finding where rule = 'rightsizing-rolled-back'").execute().await().indefinitely();
        workload = new DemoWorkload();
        workload.seed();
    }

    @AfterEach
    void close() {
        workload.close();
    }

    private ReadStats collect() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> collector.pollLookupEvents());
    }

    private JsonPath compute(int windowDays) {
        return given().header("Authorization", security()).contentType(ContentType.JSON)
                .body(Map.of("principalArn", DemoWorkload.ROLE_ARN, "windowDays", windowDays))
                .post("/api/v1/proposals").then().statusCode(201).extract().jsonPath();
    }

    private List<String> inlinePolicies() {
        return workload.iam.listRolePolicies(r -> r.roleName("workload-reporting")).policyNames();
    }

    private String inlinePolicy(String name) {
        return URLDecoder.decode(workload.iam.getRolePolicy(r -> r.roleName("workload-reporting").policyName(name))
                .policyDocument(), StandardCharsets.UTF_8);
    }

    @Test
    void theReportingRoleLosesUnusedRdsWriteKeepsItsWorkAndAWrongPolicyIsRolledBack() throws Throwable {
        ReadStats stats = collect();
        assertThat(stats.mappedRecords()).as("30 days of demo history").isGreaterThanOrEqualTo(60);
        String s3Before = inlinePolicy("s3-read");

        JsonPath proposal = compute(30);
        String id = proposal.getString("proposal.id");
        assertThat(proposal.getString("proposal.status")).isEqualTo("PROPOSED");
        assertThat(proposal.getBoolean("proposal.proven")).isTrue();
        assertThat(proposal.getBoolean("proposal.proof.subsetOfCurrent")).isTrue();
        assertThat(proposal.getLong("proposal.proof.replayedCalls")).isGreaterThanOrEqualTo(2);
        assertThat(proposal.getList("proposal.changes.kind")).containsExactly("DELETE_INLINE");
        assertThat(proposal.getList("proposal.changes.policy")).containsExactly("rds-write");
        assertThat(proposal.getList("proposal.evidence.removals.action", String.class)).containsExactlyInAnyOrder(
                "rds:ModifyDBInstance", "rds:CreateDBSnapshot", "rds:DeleteDBSnapshot", "rds:RebootDBInstance");
        assertThat(proposal.getList("proposal.evidence.sources")).containsExactly("cloudtrail", "access-advisor");
        String lastSnapshot = proposal.getString("proposal.evidence.removals.find { it.action == 'rds:CreateDBSnapshot' }.lastUsed");
        assertThat(Instant.parse(lastSnapshot)).isBefore(Instant.now().minus(Duration.ofDays(40)));
        assertThat(proposal.getString("proposal.confidence")).isEqualTo("high");

        given().header("Authorization", auditor()).get("/api/v1/proposals/" + id).then().statusCode(200)
                .body("changes[0].before.Statement[0].Sid", equalTo("ManageDatabase"));
        given().header("Authorization", auditor()).post("/api/v1/proposals/" + id + "/apply").then().statusCode(403);
        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/apply").then().statusCode(409)
                .body("type", equalTo("urn:accessloop:problem:proposal-state"));
        assertThat(inlinePolicies()).as("nothing applied before approval").contains("rds-write");

        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("sec@example.com"));
        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/apply").then().statusCode(200)
                .body("status", equalTo("APPLIED")).body("appliedBy", equalTo("sec@example.com"));

        assertThat(inlinePolicies()).containsExactly("s3-read");
        assertThat(workload.dailyRound()).as("the workload's calls stay allowed").isTrue();
        assertThat(workload.call("rds:ModifyDBInstance", "ModifyDBInstance", "*", 1)).isFalse();

        // by hand, a deliberately wrong policy: the reporting job can no longer read its bucket
        workload.iam.putRolePolicy(r -> r.roleName("workload-reporting").policyName("s3-read").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\","
                        + "\"Resource\":\"*\"}]}"));
        assertThat(workload.call("s3:GetObject", "GetObject", "arn:aws:s3:::acme-reports/daily/report.csv", 5)).isFalse();
        collect();
        RollbackWatch.Outcome outcome = VertxContextSupport.subscribeAndAwait(() -> watch.check());

        assertThat(outcome.rolledBack()).containsExactly(id);
        given().header("Authorization", auditor()).get("/api/v1/proposals/" + id).then().statusCode(200)
                .body("status", equalTo("ROLLED_BACK")).body("closedBy", equalTo(RollbackWatch.WATCHER));
        assertThat(inlinePolicies()).containsExactlyInAnyOrder("s3-read", "rds-write");
        assertThat(inlinePolicy("s3-read")).isEqualTo(s3Before);
        assertThat(workload.dailyRound()).as("access is back").isTrue();
        assertThat(events("io.accessloop.drift.rightsizing.proposed.v1")).isEqualTo(1);
        assertThat(events("io.accessloop.drift.rightsizing.applied.v1")).isEqualTo(1);
        assertThat(events("io.accessloop.drift.rightsizing.rolledback.v1")).isEqualTo(1);
        given().header("Authorization", auditor()).get("/api/v1/findings?rule=rightsizing-rolled-back").then()
                .statusCode(200).body("items.find { it.principalArn == '" + DemoWorkload.ROLE_ARN + "' }.severity",
                        equalTo("high"));
    }

    @Test
    void aProposalOfAChangedPrincipalIsSupersededInsteadOfApplied() throws Throwable {
        collect();
        assertThat(collect().mappedRecords()).as("the checkpoint keeps a second poll from counting again").isZero();
        var row = db.preparedQuery("select count(*), sum(allowed) from rs_usage_daily where principal_arn = $1")
                .execute(Tuple.of(DemoWorkload.ROLE_ARN)).await().indefinitely().iterator().next();
        assertThat(row.getLong(0)).as("one row per day, action and resource").isEqualTo(61);
        assertThat(row.getLong(1)).isEqualTo(61);
        String id = compute(30).getString("proposal.id");
        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/approve").then().statusCode(200);
        workload.iam.putRolePolicy(r -> r.roleName("workload-reporting").policyName("extra").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\","
                        + "\"Resource\":\"*\"}]}"));

        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/apply").then().statusCode(409)
                .body("type", equalTo("urn:accessloop:problem:permissions-changed"));

        assertThat(inlinePolicies()).contains("rds-write");
        given().header("Authorization", security()).get("/api/v1/proposals?status=SUPERSEDED").then().statusCode(200)
                .body("items[0].id", equalTo(id));
    }

    @Test
    void manualRollbackRestoresThePreviousVersionAndBadInputChangesNothing() throws Throwable {
        collect();
        String id = compute(30).getString("proposal.id");
        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/approve").then().statusCode(200);
        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/apply").then().statusCode(200);
        assertThat(inlinePolicies()).containsExactly("s3-read");

        given().header("Authorization", security()).contentType(ContentType.JSON).body(Map.of("reason", "the team asked"))
                .post("/api/v1/proposals/" + id + "/rollback").then().statusCode(200)
                .body("status", equalTo("ROLLED_BACK")).body("closeReason", equalTo("the team asked"));
        assertThat(inlinePolicies()).containsExactlyInAnyOrder("s3-read", "rds-write");
        assertThat(db.query("select count(*) from finding where rule = 'rightsizing-rolled-back'").execute().await()
                .indefinitely().iterator().next().getLong(0)).as("a person's rollback opens no finding").isZero();
        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/rollback").then().statusCode(409);

        given().header("Authorization", security()).contentType(ContentType.JSON)
                .body(Map.of("principalArn", "not-an-arn")).post("/api/v1/proposals").then().statusCode(400);
        given().header("Authorization", security()).contentType(ContentType.JSON)
                .body(Map.of("principalArn", DemoWorkload.ROLE_ARN, "windowDays", 0)).post("/api/v1/proposals")
                .then().statusCode(400);
        given().header("Authorization", security()).contentType(ContentType.JSON)
                .body(Map.of("principalArn", "arn:aws:iam::" + DemoWorkload.ACCOUNT + ":role/nobody"))
                .post("/api/v1/proposals").then().statusCode(404);
        given().header("Authorization", employee()).get("/api/v1/proposals").then().statusCode(403);
        given().get("/api/v1/proposals").then().statusCode(401);
        given().header("Authorization", security()).get("/api/v1/proposals/prp_nope").then().statusCode(404);
        given().header("Authorization", security()).get("/api/v1/proposals?limit=0").then().statusCode(400);
        given().header("Authorization", security()).get("/api/v1/proposals").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    private long events(String type) {
        return db.preparedQuery("select count(*) from outbox_event where type = $1 and subject = $2 and id > $3")
                .execute(Tuple.of(type, DemoWorkload.ROLE_ARN, outboxBefore)).await().indefinitely().iterator().next().getLong(0);
    }

    /** Signed at the moment of use: a token lives five minutes, a slow class can run longer. */
    private static String security() {
        return Tokens.bearer("sec@example.com", "security");
    }

    /** Signed at the moment of use: a token lives five minutes, a slow class can run longer. */
    private static String auditor() {
        return Tokens.bearer("audit@example.com", "auditor");
    }

    /** Signed at the moment of use: a token lives five minutes, a slow class can run longer. */
    private static String employee() {
        return Tokens.bearer("bob@example.com", "employee");
    }
}
