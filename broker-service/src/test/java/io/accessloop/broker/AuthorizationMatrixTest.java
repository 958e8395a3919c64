package io.accessloop.broker;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.accessloop.broker.Api.ALICE;
import static io.accessloop.broker.Api.BOB;
import static io.accessloop.broker.Api.MALLORY;
import static io.accessloop.broker.Api.SEC;
import static io.accessloop.broker.Api.approve;
import static io.accessloop.broker.Api.as;
import static io.accessloop.broker.Api.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Who may do what, for every endpoint: each refusal with its status and a problem+json body. */
@QuarkusTest
class AuthorizationMatrixTest {

    @BeforeEach
    void roles() {
        SandboxAccount.ensureRoles();
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/entitlements",
            "GET, /api/v1/catalog",
            "POST, /api/v1/catalog/reload",
            "POST, /api/v1/requests",
            "GET, /api/v1/requests",
            "GET, /api/v1/requests/req_X",
            "POST, /api/v1/requests/req_X/approve",
            "POST, /api/v1/requests/req_X/deny",
            "POST, /api/v1/requests/req_X/cancel",
            "POST, /api/v1/requests/dry-run",
            "GET, /api/v1/grants",
            "GET, /api/v1/grants/grt_X",
            "POST, /api/v1/grants/grt_X/credentials",
            "GET, /api/v1/grants/grt_X/console",
            "POST, /api/v1/grants/grt_X/release",
            "POST, /api/v1/grants/grt_X/extend",
            "POST, /api/v1/grants/grt_X/revoke",
            "POST, /api/v1/grants/grt_X/review",
            "POST, /api/v1/break-glass"})
    void everyEndpointRefusesCallsWithoutAToken(String method, String path) {
        given().contentType("application/json").body("{}").request(method, path).then().statusCode(401);
    }

    @Test
    void entitlementsListOnlyWhatTheCallerIsEligibleForOrApproves() {
        as(ALICE).get("/api/v1/entitlements").then().statusCode(200)
                .body("items.name", hasItem("prod-readonly"))
                .body("items.find { it.name == 'prod-admin' }", equalTo(null))
                .body("items.find { it.name == 'prod-readonly' }.eligible", equalTo(true))
                .body("items.find { it.name == 'prod-readonly' }.canApprove", equalTo(false));
        as(MALLORY).get("/api/v1/entitlements").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.contains("dev-sandbox"));
        as(SEC).get("/api/v1/entitlements").then().statusCode(200).body("items.size()", equalTo(4));
    }

    @Test
    void othersRequestsAndGrantsAreInvisible() {
        String request = submit(ALICE, "prod-readonly", "look at logs").statusCode(201).extract().path("id");
        String grant = approve(BOB, submit(ALICE, "prod-readonly", "look at logs").extract().path("id"))
                .statusCode(200).extract().path("grantId");

        as(MALLORY).get("/api/v1/requests/" + request).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:accessloop:problem:not-found"));
        as(MALLORY).post("/api/v1/requests/" + request + "/cancel").then().statusCode(404);
        as(MALLORY).post("/api/v1/requests/" + request + "/approve").then().statusCode(404);
        as(MALLORY).get("/api/v1/grants/" + grant).then().statusCode(404);
        as(MALLORY).post("/api/v1/grants/" + grant + "/credentials").then().statusCode(404);
        as(MALLORY).get("/api/v1/grants/" + grant + "/console").then().statusCode(404);
        as(MALLORY).post("/api/v1/grants/" + grant + "/release").then().statusCode(404);
        as(MALLORY).post("/api/v1/grants/" + grant + "/revoke").then().statusCode(404);
        as(MALLORY).get("/api/v1/requests?mine=true").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(request)));
        as(MALLORY).get("/api/v1/grants?mine=false").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(grant)));
    }

    @Test
    void securitySeesEverythingButNeverGetsSomeoneElsesCredentials() {
        String grant = Api.grantFor(ALICE, "prod-readonly");

        as(SEC).get("/api/v1/grants/" + grant).then().statusCode(200).body("identity", equalTo(ALICE));
        as(SEC).post("/api/v1/grants/" + grant + "/credentials").then().statusCode(403)
                .body("type", equalTo("urn:accessloop:problem:not-owner"));
        as(BOB).post("/api/v1/grants/" + grant + "/credentials").then().statusCode(403);
        as(BOB).post("/api/v1/grants/" + grant + "/release").then().statusCode(403);
        as(ALICE).post("/api/v1/grants/" + grant + "/revoke").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("release"));
    }

    @Test
    void nobodyApprovesTheirOwnRequestAndNonApproversCannotDecide() {
        String request = submit(Api.CAROL, "prod-readonly", "check a payment").statusCode(201).extract().path("id");

        as(Api.CAROL).post("/api/v1/requests/" + request + "/approve").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accessloop:problem:own-request"));
        as(Api.CAROL).post("/api/v1/requests/" + request + "/deny").then().statusCode(403);
        as(SEC).post("/api/v1/requests/" + request + "/approve").then().statusCode(403)
                .body("type", equalTo("urn:accessloop:problem:not-an-approver"));
        as(SEC).post("/api/v1/requests/" + request + "/deny").then().statusCode(403);
        as(Api.CAROL).get("/api/v1/requests/" + request).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("approvals.size()", equalTo(0));
        approve(BOB, request).statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void anEndedGrantOrOneWithUnderFifteenMinutesLeftGetsNoCredentials() {
        String grant = Api.grantFor(ALICE, "prod-readonly");
        Db.update("update access_grant set ends_at = now() + interval '10 minutes' where id = ?", grant);

        as(ALICE).post("/api/v1/grants/" + grant + "/credentials").then().statusCode(422)
                .body("type", equalTo("urn:accessloop:problem:session-too-short"));

        Db.update("update access_grant set ends_at = now() - interval '1 minute' where id = ?", grant);
        as(ALICE).post("/api/v1/grants/" + grant + "/credentials").then().statusCode(422)
                .body("type", equalTo("urn:accessloop:problem:grant-ended"));
        as(ALICE).get("/api/v1/grants/" + grant + "/console").then().statusCode(422);
    }

    @Test
    void breakGlassWithoutAReasonIsRefusedAndChangesNothing() {
        long before = Db.count("select count(*) from access_request");

        as(ALICE).body(Map.of("entitlement", "prod-readonly")).post("/api/v1/break-glass").then().statusCode(400)
                .contentType("application/problem+json").body("errors", hasItem("reason: required"));
        as(ALICE).body(Map.of("entitlement", "prod-readonly", "reason", "urgent")).post("/api/v1/break-glass")
                .then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("at least 10"));
        as(ALICE).body(Map.of("entitlement", "dev-sandbox", "reason", "database is down everywhere"))
                .post("/api/v1/break-glass").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("does not allow break-glass"));

        assertThat(Db.count("select count(*) from access_request")).isEqualTo(before);
    }

    @Test
    void badInputGetsA4xxProblemAndChangesNothing() {
        long requests = Db.count("select count(*) from access_request");
        long events = Db.count("select count(*) from outbox_event");

        as(ALICE).body("{\"entitlement\": ").post("/api/v1/requests").then().statusCode(400)
                .contentType("application/problem+json");
        as(ALICE).body(Map.of("entitlement", "x".repeat(65), "reason", "r".repeat(1001), "durationSeconds", 50_000))
                .post("/api/v1/requests").then().statusCode(400)
                .body("errors.size()", equalTo(3));
        as(ALICE).body(Map.of("entitlement", "does-not-exist", "reason", "because"))
                .post("/api/v1/requests").then().statusCode(422)
                .body("type", equalTo("urn:accessloop:problem:unknown-entitlement"));
        as(ALICE).body(Map.of("entitlement", "prod-admin", "reason", "because"))
                .post("/api/v1/requests").then().statusCode(422)
                .body("detail", startsWith("entitlement: you are not in a group eligible"));
        as(Api.DAVE).body(Map.of("entitlement", "prod-admin", "reason", "because", "ticket", "JIRA-1"))
                .post("/api/v1/requests").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("ticket: the ticket reference must match"));
        as(ALICE).body(Map.of("entitlement", "prod-readonly", "reason", "because", "durationSeconds", 5 * 3600))
                .post("/api/v1/requests").then().statusCode(422);
        as(ALICE).header("Idempotency-Key", "k".repeat(201)).body(Map.of("entitlement", "prod-readonly",
                "reason", "because")).post("/api/v1/requests").then().statusCode(400);
        as(ALICE).get("/api/v1/requests?limit=0").then().statusCode(400);
        as(ALICE).get("/api/v1/requests?status=NOPE").then().statusCode(400);
        as(ALICE).post("/api/v1/grants/grt_X/credentials?format=xml").then().statusCode(400);
        as(ALICE).body(Map.of("comment", "c".repeat(1001))).post("/api/v1/requests/req_X/approve").then()
                .statusCode(400);

        assertThat(Db.count("select count(*) from access_request")).isEqualTo(requests);
        assertThat(Db.count("select count(*) from outbox_event")).isEqualTo(events);
    }

    @Test
    void onlyAdminsReloadTheCatalogAndOnlyOperatorsSeeItsStatus() {
        as(ALICE).get("/api/v1/catalog").then().statusCode(403);
        as(SEC).post("/api/v1/catalog/reload").then().statusCode(403);
        as(SEC).get("/api/v1/catalog").then().statusCode(200).body("entitlements", equalTo(4));
    }
}
