package io.accessloop.broker.request;

import io.accessloop.broker.Api;
import io.accessloop.broker.Db;
import io.accessloop.broker.SandboxAccount;
import io.accessloop.broker.request.service.RequestExpirySweep;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.accessloop.broker.Api.ALICE;
import static io.accessloop.broker.Api.BOB;
import static io.accessloop.broker.Api.CAROL;
import static io.accessloop.broker.Api.DAVE;
import static io.accessloop.broker.Api.SEC;
import static io.accessloop.broker.Api.approve;
import static io.accessloop.broker.Api.as;
import static io.accessloop.broker.Api.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Approval rules as the API applies them: N-of-M, concurrency, deny, cancel, expiry, dry-run, extension, break-glass. */
@QuarkusTest
class RequestRulesTest {

    @Inject
    RequestExpirySweep expiry;

    @BeforeEach
    void roles() {
        SandboxAccount.ensureRoles();
    }

    private static String submitAdmin() {
        return as(DAVE).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("entitlement", "prod-admin", "reason", "rotate keys", "ticket", "OPS-42"))
                .post("/api/v1/requests").then().statusCode(201)
                .body("rule.requiredApprovals", equalTo(2)).extract().path("id");
    }

    @Test
    void twoApprovalsAreNeededAndTheSecondCreatesTheGrant() {
        String id = submitAdmin();

        approve(BOB, id).statusCode(200).body("status", equalTo("PENDING")).body("grantId", nullValue());
        approve(BOB, id).statusCode(409).body("type", equalTo("urn:accessloop:problem:already-approved"));
        approve(CAROL, id).statusCode(200).body("status", equalTo("APPROVED")).body("grantId", notNullValue())
                .body("approvals.approver", org.hamcrest.Matchers.contains(BOB, CAROL));
        approve(SEC, id).statusCode(409);
        assertThat(Db.count("select count(*) from access_grant where request_id = ?", id)).isEqualTo(1);
    }

    @Test
    void concurrentApprovalsActivateOnce() throws Exception {
        String id = submit(ALICE, "prod-readonly", "race").statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> answers = pool.invokeAll(List.<Callable<Response>>of(
                    () -> as(BOB).body(Map.of()).post("/api/v1/requests/" + id + "/approve"),
                    () -> as(CAROL).body(Map.of()).post("/api/v1/requests/" + id + "/approve")));
            List<Integer> statuses = List.of(answers.get(0).get().statusCode(), answers.get(1).get().statusCode());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(Db.count("select count(*) from access_grant where request_id = ?", id)).isEqualTo(1);
        assertThat(Db.count("select count(*) from outbox_event where type = 'io.accessloop.access.grant.activated.v1' "
                + "and envelope like ?", "%" + id + "%")).isEqualTo(1);
    }

    @Test
    void aDenialEndsTheRequestWithTheApproversComment() {
        String id = submit(ALICE, "prod-readonly", "curious").statusCode(201).extract().path("id");

        as(BOB).body(Map.of("comment", "use staging")).post("/api/v1/requests/" + id + "/deny").then()
                .statusCode(200).body("status", equalTo("DENIED")).body("decisionComment", equalTo("use staging"))
                .body("decidedBy", equalTo(BOB));
        approve(CAROL, id).statusCode(409).body("type", equalTo("urn:accessloop:problem:request-not-pending"));
    }

    @Test
    void theRequesterCancelsAPendingRequest() {
        String id = submit(ALICE, "prod-readonly", "changed my mind").statusCode(201).extract().path("id");

        as(ALICE).body(Map.of("reason", "not needed")).post("/api/v1/requests/" + id + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        as(ALICE).post("/api/v1/requests/" + id + "/cancel").then().statusCode(409);
        as(ALICE).get("/api/v1/requests?mine=true&status=CANCELLED").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void pendingRequestsExpireAfterTheirTime() throws Throwable {
        String id = submit(ALICE, "prod-readonly", "slow approvers").statusCode(201).extract().path("id");
        Db.update("update access_request set expires_at = now() - interval '1 second' where id = ?", id);

        VertxContextSupport.subscribeAndAwait(() -> expiry.expireDue());

        as(ALICE).get("/api/v1/requests/" + id).then().body("status", equalTo("EXPIRED"));
        assertThat(Db.count("select count(*) from outbox_event where type = 'io.accessloop.access.request.expired.v1' "
                + "and subject = ?", id)).isEqualTo(1);
    }

    @Test
    void approversSeeTheRequestsTheyDecide() {
        String id = submit(ALICE, "prod-readonly", "queue").statusCode(201).extract().path("id");

        as(BOB).get("/api/v1/requests?mine=false&status=PENDING").then().statusCode(200).body("items.id", hasItem(id));
        as(DAVE).get("/api/v1/requests?mine=false").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void dryRunNamesTheRuleThatDecides() {
        as(ALICE).body(Map.of("entitlement", "prod-readonly")).post("/api/v1/requests/dry-run").then()
                .statusCode(200).body("outcome", equalTo("needs-approval"))
                .body("rule.explanation", equalTo("approval.required: 1 approval(s) from payments-leads"));
        as(ALICE).body(Map.of("entitlement", "dev-sandbox")).post("/api/v1/requests/dry-run").then()
                .body("outcome", equalTo("automatic"));
        as(ALICE).body(Map.of("entitlement", "prod-admin")).post("/api/v1/requests/dry-run").then()
                .body("outcome", equalTo("refused")).body("errors[0]", containsString("not in a group eligible"));
        as(SEC).body(Map.of("entitlement", "prod-oncall", "requester", "zoe@example.com",
                        "groups", List.of("platform", "oncall"))).post("/api/v1/requests/dry-run").then()
                .statusCode(200).body("requester", equalTo("zoe@example.com")).body("outcome", equalTo("automatic"))
                .body("rule.explanation", containsString("requester is in group oncall"));
        as(ALICE).body(Map.of("entitlement", "prod-readonly", "requester", "zoe@example.com"))
                .post("/api/v1/requests/dry-run").then().statusCode(403);
        assertThat(Db.count("select count(*) from access_request where requester = 'zoe@example.com'")).isZero();
    }

    @Test
    void automaticEntitlementsAreGrantedAtOnceWithTheirSessionPolicy() {
        String grant = submit(ALICE, "dev-sandbox", "try something").statusCode(201)
                .body("status", equalTo("APPROVED")).body("rule.automatic", equalTo(true))
                .extract().path("grantId");

        as(ALICE).get("/api/v1/grants?mine=true&status=ACTIVE").then().statusCode(200).body("items.id", hasItem(grant));
        as(ALICE).post("/api/v1/grants/" + grant + "/credentials").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("accessloop_time_to_grant_seconds_count"));
    }

    @Test
    void extensionsGoThroughTheSameRules() {
        String grant = Api.grantFor(ALICE, "prod-readonly");
        String endsAt = as(ALICE).get("/api/v1/grants/" + grant).then().extract().path("endsAt");

        String extension = as(ALICE).body(Map.of("durationSeconds", 1800, "reason", "incident still open"))
                .post("/api/v1/grants/" + grant + "/extend").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("extendsGrantId", equalTo(grant)).extract().path("id");
        approve(BOB, extension).statusCode(200).body("status", equalTo("APPROVED")).body("grantId", equalTo(grant));

        String newEnd = as(ALICE).get("/api/v1/grants/" + grant).then().body("status", equalTo("ACTIVE"))
                .extract().path("endsAt");
        assertThat(java.time.Instant.parse(newEnd)).isEqualTo(java.time.Instant.parse(endsAt).plusSeconds(1800));
        as(ALICE).body(Map.of("durationSeconds", 4 * 3600, "reason", "forever")).post("/api/v1/grants/" + grant
                + "/extend").then().statusCode(422).body("type", equalTo("urn:accessloop:problem:extension-too-long"));
        assertThat(Db.count("select count(*) from access_grant where request_id = ?", extension)).isZero();
    }

    @Test
    void breakGlassGrantsAtOnceAlertsApproversAndStaysUnderReview() {
        String grant = as(ALICE).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("entitlement", "prod-readonly", "reason", "payments down, on-call paged"))
                .post("/api/v1/break-glass").then().statusCode(201)
                .body("breakGlass", equalTo(true)).body("status", equalTo("APPROVED")).extract().path("grantId");

        as(ALICE).get("/api/v1/grants/" + grant).then().body("breakGlass", equalTo(true))
                .body("review.pending", equalTo(true));
        assertThat(Db.count("select count(*) from outbox_event where type = 'io.accessloop.access.breakglass.used.v1' "
                + "and subject = ? and envelope like '%payments-leads%'", grant)).isEqualTo(1);
        as(BOB).get("/api/v1/grants?mine=false&reviewPending=true").then().body("items.id", hasItem(grant));

        as(ALICE).body(Map.of("comment", "all good")).post("/api/v1/grants/" + grant + "/review").then()
                .statusCode(403).body("type", equalTo("urn:accessloop:problem:own-grant"));
        as(BOB).body(Map.of("comment", "justified")).post("/api/v1/grants/" + grant + "/review").then()
                .statusCode(200).body("review.pending", equalTo(false)).body("review.reviewedBy", equalTo(BOB));
    }
}
