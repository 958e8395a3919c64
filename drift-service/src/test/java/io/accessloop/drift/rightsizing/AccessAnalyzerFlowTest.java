package io.accessloop.drift.rightsizing;

import io.accessloop.drift.accessanalyzer.aws.RefusingChecker;
import io.accessloop.drift.accessanalyzer.service.UnusedAccessSync;
import io.accessloop.drift.rightsizing.domain.AnalyzerChecks;
import io.accessloop.drift.rightsizing.domain.PolicyChecker;
import io.accessloop.drift.rightsizing.service.DailyRightsizing;
import io.accessloop.drift.rightsizing.service.UsageCollector;
import io.accessloop.testsupport.SandboxResource;
import io.accessloop.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 13 on the sandbox demo: Access Analyzer's unused-access findings meet Accessloop's own in one finding per
 * condition with both sources; proposals carry Access Analyzer's checks and a failing check keeps them from being
 * applied, automatically or by hand; policy generation is compared with the proposal.
 */
@QuarkusTest
class AccessAnalyzerFlowTest {

    private static final String DB_ADMIN_ROLE = "arn:aws:iam::" + DemoWorkload.ACCOUNT
            + ":role/accessloop/entitlement-prod-db-admin";
    private static final String REPORTS_READ_ROLE = "arn:aws:iam::" + DemoWorkload.ACCOUNT
            + ":role/accessloop/entitlement-reports-read";

    @Inject
    UsageCollector collector;
    @Inject
    UnusedAccessSync sync;
    @Inject
    DailyRightsizing daily;
    @Inject
    PolicyChecker checker;
    @Inject
    Pool db;

    private DemoWorkload workload;
    private long outboxBefore;

    @BeforeEach
    void seedTheDemo() {
        outboxBefore = db.query("select coalesce(max(id), 0) from outbox_event").execute().await().indefinitely()
                .iterator().next().getLong(0);
        db.query("delete from rs_usage_daily; delete from rs_denied_call; delete from rs_usage_source; "
                + "delete from rs_proposal; delete from rs_external_last_access; delete from rs_generated_policy; "
                + "delete from rs_seen_event; delete from finding where rule like 'unused-%'").execute().await()
                .indefinitely();
        workload = new DemoWorkload();
        workload.seed();
    }

    @AfterEach
    void close() {
        workload.close();
    }

    private void collect() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> collector.pollLookupEvents());
    }

    private UnusedAccessSync.Outcome syncAnalyzer() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> sync.sync());
    }

    private JsonPath compute(String principal, int windowDays) {
        return given().header("Authorization", security()).contentType(ContentType.JSON)
                .body(Map.of("principalArn", principal, "windowDays", windowDays))
                .post("/api/v1/proposals").then().statusCode(201).extract().jsonPath();
    }

    private List<Row> liveFindings(String rule, String principal) {
        List<Row> rows = new ArrayList<>();
        db.preparedQuery("select id, dedup_key, evidence, status from finding where rule = $1 and principal_arn = $2 "
                        + "and status <> 'RESOLVED'").execute(Tuple.of(rule, principal)).await().indefinitely()
                .forEach(rows::add);
        return rows;
    }

    private static AccessAnalyzerClient analyzerClient() {
        return AccessAnalyzerClient.builder().endpointOverride(SandboxResource.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SandboxResource.ACCESS_KEY, SandboxResource.SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Test
    void anUnusedRoleAndAnUnusedPermissionAreOneFindingEachWithBothSources() throws Throwable {
        collect();
        UnusedAccessSync.Outcome first = syncAnalyzer();
        assertThat(first.skipped()).isFalse();
        assertThat(first.analyzers()).isEqualTo(1);
        assertThat(first.analyzerFindings()).isGreaterThanOrEqualTo(4);

        // Access Analyzer's last-accessed details are in the usage store: the RDS snapshot 45 days ago
        Row last = db.preparedQuery("select last_accessed from rs_external_last_access where principal_arn = $1 "
                + "and action = 'rds:CreateDBSnapshot' and source = 'access-analyzer'")
                .execute(Tuple.of(DemoWorkload.ROLE_ARN)).await().indefinitely().iterator().next();
        assertThat(last.getOffsetDateTime(0).toInstant()).isBefore(Instant.now().minus(Duration.ofDays(40)));

        JsonPath reporting = compute(DemoWorkload.ROLE_ARN, 30);
        assertThat(reporting.getList("proposal.evidence.sources")).contains("cloudtrail", "access-analyzer");
        assertThat(reporting.getString("proposal.analyzerChecks.status")).isEqualTo("PASSED");
        JsonPath dbAdmin = compute(DB_ADMIN_ROLE, 40);
        assertThat(dbAdmin.getString("proposal.kind")).isEqualTo("RETIRE");
        UnusedAccessSync.Outcome second = syncAnalyzer();
        assertThat(second.merged().opened()).as("a second read opens nothing new").isZero();

        List<Row> role = liveFindings("unused-role", DB_ADMIN_ROLE);
        assertThat(role).hasSize(1);
        assertThat(JsonPath.from(role.get(0).getString("evidence")).getList("sources"))
                .containsExactly("access-analyzer", "accessloop");
        List<Row> permission = liveFindings("unused-permission", DemoWorkload.ROLE_ARN);
        assertThat(permission).hasSize(1);
        assertThat(permission.get(0).getString("dedup_key")).isEqualTo("service:rds");
        JsonPath evidence = JsonPath.from(permission.get(0).getString("evidence"));
        assertThat(evidence.getList("sources")).containsExactly("access-analyzer", "accessloop");
        assertThat(evidence.getList("bySource.accessloop.actions")).contains("rds:ModifyDBInstance");
        assertThat(evidence.getList("bySource.'access-analyzer'.actions.action")).contains("rds:CreateDBSnapshot");

        given().header("Authorization", auditor()).queryParam("rule", "unused-role")
                .queryParam("principalArn", DB_ADMIN_ROLE).get("/api/v1/findings").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].evidence.sources", equalTo(List.of(
                        "access-analyzer", "accessloop")));

        // the analyzer goes away: its source is withdrawn, findings only it reported are resolved
        try (AccessAnalyzerClient client = analyzerClient()) {
            client.deleteAnalyzer(r -> r.analyzerName("accessloop-unused-access"));
        }
        UnusedAccessSync.Outcome third = syncAnalyzer();
        assertThat(third.analyzers()).isZero();
        assertThat(third.merged().resolved()).isPositive();
        assertThat(JsonPath.from(liveFindings("unused-role", DB_ADMIN_ROLE).get(0).getString("evidence"))
                .getList("sources")).containsExactly("accessloop");
        assertThat(liveFindings("unused-role", REPORTS_READ_ROLE)).as("reported by Access Analyzer only").isEmpty();
        assertThat(db.preparedQuery("select resolution from finding where rule = 'unused-role' and principal_arn = $1")
                .execute(Tuple.of(REPORTS_READ_ROLE)).await().indefinitely().iterator().next().getString(0))
                .isEqualTo("no source reports it any more");
    }

    @Test
    void theCheckerAdapterReadsAccessAnalyzersVerdicts() {
        String narrow = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::acme-reports/*\"}]}";
        String wide = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"}]}";
        assertThat(checker.checkNoNewAccess(narrow, wide).result()).isEqualTo("PASS");
        PolicyChecker.NoNewAccess fail = checker.checkNoNewAccess(wide, narrow);
        assertThat(fail.result()).isEqualTo("FAIL");
        assertThat(fail.reasons()).isNotEmpty();
        List<AnalyzerChecks.ValidationFinding> warnings = checker.validate("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\"}]}");
        assertThat(warnings).anyMatch(w -> w.findingType().equals("SECURITY_WARNING") && w.blocking());
    }

    @Test
    void aProposalThatValidatePolicyFlagsIsNeverAppliedAutomaticallyNorByHand() throws Throwable {
        workload.iam.putRolePolicy(r -> r.roleName("workload-reporting").policyName("deploy").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:PassRole\","
                        + "\"sqs:SendMessage\"],\"Resource\":\"*\"}]}"));
        workload.iam.tagRole(r -> r.roleName("workload-reporting").tags(t -> t.key("accessloop:rightsizing")
                .value("automatic")));
        collect();

        DailyRightsizing.Outcome outcome = VertxContextSupport.subscribeAndAwait(() -> daily.run());

        String id = proposalOf(DemoWorkload.ROLE_ARN);
        assertThat(outcome.proposed()).contains(id);
        assertThat(outcome.applied()).doesNotContain(id);
        JsonPath detail = given().header("Authorization", auditor()).get("/api/v1/proposals/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(detail.getString("status")).isEqualTo("PROPOSED");
        assertThat(detail.getBoolean("proven")).as("Accessloop's own proof holds").isTrue();
        assertThat(detail.getString("analyzerChecks.status")).isEqualTo("FAILED");
        assertThat(detail.getList("analyzerChecks.policies.validation.flatten().issueCode"))
                .contains("PASS_ROLE_WITH_STAR_IN_RESOURCE");
        assertThat(workload.iam.listRolePolicies(r -> r.roleName("workload-reporting")).policyNames())
                .containsExactlyInAnyOrder("s3-read", "rds-write", "deploy");

        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/approve").then().statusCode(200);
        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/apply").then().statusCode(422)
                .body("type", equalTo("urn:accessloop:problem:analyzer-check-failed"));
        assertThat(workload.iam.listRolePolicies(r -> r.roleName("workload-reporting")).policyNames())
                .containsExactlyInAnyOrder("s3-read", "rds-write", "deploy");
    }

    @Test
    void aProposalThatCheckNoNewAccessFailsIsNeverAppliedAutomatically() throws Throwable {
        // the sandbox's CheckNoNewAccess uses the same comparator as Accessloop's proof, so the two never disagree
        // there; AWS's analysis can, and this checker answers as AWS does when it does
        QuarkusMock.installMockForType(new RefusingChecker(), PolicyChecker.class);
        workload.iam.putRolePolicy(r -> r.roleName("workload-reporting").policyName("mixed").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\","
                        + "\"sqs:SendMessage\"],\"Resource\":\"*\"}]}"));
        workload.iam.tagRole(r -> r.roleName("workload-reporting").tags(t -> t.key("accessloop:rightsizing")
                .value("automatic")));
        collect();

        DailyRightsizing.Outcome outcome = VertxContextSupport.subscribeAndAwait(() -> daily.run());

        String id = proposalOf(DemoWorkload.ROLE_ARN);
        assertThat(outcome.applied()).doesNotContain(id);
        JsonPath detail = given().header("Authorization", auditor()).get("/api/v1/proposals/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(detail.getString("status")).isEqualTo("PROPOSED");
        assertThat(detail.getString("analyzerChecks.status")).isEqualTo("FAILED");
        assertThat(detail.getString("analyzerChecks.policies.find { it.policy == 'mixed' }.noNewAccess"))
                .isEqualTo("FAIL");
        assertThat(workload.iam.listRolePolicies(r -> r.roleName("workload-reporting")).policyNames())
                .containsExactlyInAnyOrder("s3-read", "rds-write", "mixed");
        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/approve").then().statusCode(200);
        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/apply").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("CheckNoNewAccess FAIL"));
    }

    @Test
    void policyGenerationIsComparedWithTheProposal() throws Throwable {
        workload.iam.putRolePolicy(r -> r.roleName("workload-reporting").policyName("deploy").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
                        + "\"Resource\":\"arn:aws:iam::" + DemoWorkload.ACCOUNT + ":role/report-runner\"}]}"));
        collect();
        String id = compute(DemoWorkload.ROLE_ARN, 30).getString("proposal.id");
        given().header("Authorization", security()).get("/api/v1/proposals/" + id + "/generated-policy").then()
                .statusCode(404);
        given().header("Authorization", auditor()).post("/api/v1/proposals/" + id + "/generated-policy").then()
                .statusCode(403);

        JsonPath generated = given().header("Authorization", security())
                .post("/api/v1/proposals/" + id + "/generated-policy").then().statusCode(201).extract().jsonPath();

        assertThat(generated.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(generated.getList("policies")).isNotEmpty();
        assertThat(generated.getList("comparison.inBoth")).contains("s3:GetObject", "s3:ListBucket");
        assertThat(generated.getList("comparison.onlyInProposal")).as("kept although CloudTrail cannot see it")
                .containsExactly("iam:PassRole");
        assertThat(generated.getList("comparison.onlyInGenerated")).isEmpty();
        given().header("Authorization", auditor()).get("/api/v1/proposals/" + id + "/generated-policy").then()
                .statusCode(200).body("jobId", equalTo(generated.getString("jobId")));
        given().header("Authorization", security()).post("/api/v1/proposals/prp_nope/generated-policy").then()
                .statusCode(404);
    }

    @Test
    void approvingAndRejectingPublishTheirEvents() throws Throwable {
        collect();
        String id = compute(DemoWorkload.ROLE_ARN, 30).getString("proposal.id");
        given().header("Authorization", security()).contentType(ContentType.JSON).body(Map.of("comment", "go"))
                .post("/api/v1/proposals/" + id + "/approve").then().statusCode(200);
        JsonPath approved = envelope("io.accessloop.drift.rightsizing.approved.v1");
        assertThat(approved.getString("data.proposalId")).isEqualTo(id);
        assertThat(approved.getString("data.approvedBy")).isEqualTo("sec@example.com");
        assertThat(approved.getString("data.comment")).isEqualTo("go");

        given().header("Authorization", security()).post("/api/v1/proposals/" + id + "/reject").then().statusCode(400);
        given().header("Authorization", security()).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/v1/proposals/" + id + "/reject").then().statusCode(400);
        given().header("Authorization", security()).get("/api/v1/proposals/" + id).then().body("status",
                equalTo("APPROVED"));
        assertThat(count("io.accessloop.drift.rightsizing.rejected.v1")).isZero();

        given().header("Authorization", security()).contentType(ContentType.JSON).body(Map.of("reason", "not this week"))
                .post("/api/v1/proposals/" + id + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        JsonPath rejected = envelope("io.accessloop.drift.rightsizing.rejected.v1");
        assertThat(rejected.getString("data.rejectedBy")).isEqualTo("sec@example.com");
        assertThat(rejected.getString("data.reason")).isEqualTo("not this week");
        assertThat(rejected.getString("data.principalArn")).isEqualTo(DemoWorkload.ROLE_ARN);

        String second = compute(DemoWorkload.ROLE_ARN, 30).getString("proposal.id");
        given().header("Authorization", security()).post("/api/v1/proposals/" + second + "/approve").then()
                .statusCode(200);
        assertThat(db.preparedQuery("select envelope from outbox_event where type = $1 order by id desc limit 1")
                .execute(Tuple.of("io.accessloop.drift.rightsizing.approved.v1")).await().indefinitely().iterator()
                .next().getString(0)).contains("\"comment\":\"\"");
    }

    private JsonPath envelope(String type) {
        return JsonPath.from(db.preparedQuery("select envelope from outbox_event where type = $1 and subject = $2 "
                        + "and id > $3 order by id desc limit 1").execute(Tuple.of(type, DemoWorkload.ROLE_ARN,
                        outboxBefore)).await()
                .indefinitely().iterator().next().getString(0));
    }

    private long count(String type) {
        return db.preparedQuery("select count(*) from outbox_event where type = $1 and subject = $2 and id > $3")
                .execute(Tuple.of(type, DemoWorkload.ROLE_ARN, outboxBefore)).await().indefinitely().iterator().next().getLong(0);
    }

    private String proposalOf(String principal) {
        return db.preparedQuery("select id from rs_proposal where principal_arn = $1 order by id desc limit 1")
                .execute(Tuple.of(principal)).await().indefinitely().iterator().next().getString(0);
    }

    /** Signed at the moment of use: a token lives five minutes, a slow class can run longer. */
    private static String security() {
        return Tokens.bearer("sec@example.com", "security");
    }

    /** Signed at the moment of use: a token lives five minutes, a slow class can run longer. */
    private static String auditor() {
        return Tokens.bearer("audit@example.com", "auditor");
    }
}
