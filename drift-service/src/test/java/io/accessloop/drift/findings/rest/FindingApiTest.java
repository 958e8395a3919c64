package io.accessloop.drift.findings.rest;

import io.accessloop.drift.Api;
import io.accessloop.contracts.EventTypes;
import io.accessloop.drift.Samples;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class FindingApiTest {

    /** Pushes a role whose trust anyone may assume and returns its open-trust finding id. */
    private static String openTrustFinding() {
        String role = "open-" + UUID.randomUUID().toString().substring(0, 8);
        var event = Samples.roleChange(role, Instant.now().truncatedTo(ChronoUnit.MILLIS), 1);
        Samples.unmanage(event);
        Samples.setTrust(event, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}");
        Api.push(event).statusCode(202);
        String query = "/api/v1/findings?rule=open-trust-policy&principalArn=arn:aws:iam::000000000000:role/" + role;
        await().atMost(Duration.ofSeconds(30)).until(() -> !Api.get(Api.security(), query).extract().jsonPath()
                .getList("items").isEmpty());
        return Api.get(Api.security(), query).extract().path("items[0].id");
    }

    private static io.restassured.response.ValidatableResponse suppress(String token, String id, String body) {
        return given().header("Authorization", token).contentType("application/json").body(body)
                .post("/api/v1/findings/" + id + "/suppress").then();
    }

    @Test
    void employeesSeeNeitherFindingsNorInventory() {
        Api.get(Api.employee(), "/api/v1/findings").statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:accessloop:problem:forbidden"));
        Api.get(Api.employee(), "/api/v1/inventory/principals").statusCode(403);
        given().get("/api/v1/findings").then().statusCode(401);
        Api.get(Api.auditor(), "/api/v1/findings").statusCode(200);
        Api.get(Api.auditor(), "/api/v1/inventory/principals").statusCode(200);
    }

    @Inject
    Pool db;

    private long events(String type, String subject) {
        return db.preparedQuery("select count(*) from outbox_event where type = $1 and subject = $2")
                .execute(Tuple.of(type, subject)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    private JsonObject lastEvent(String type, String subject) {
        return new JsonObject(db.preparedQuery("select envelope from outbox_event where type = $1 and subject = $2 "
                        + "order by id desc limit 1").execute(Tuple.of(type, subject)).await()
                .atMost(Duration.ofSeconds(5)).iterator().next().getString(0));
    }

    @Test
    void aSecurityEngineerSuppressesAFindingUntilItComesBackOpen() {
        String id = openTrustFinding();
        assertThat(events(EventTypes.FINDING_OPENED.type(), id)).isEqualTo(1);
        String until = Instant.now().plusSeconds(2).toString();
        String body = "{\"reason\":\"partner integration, ticket SEC-42\",\"until\":\"" + until + "\"}";
        String key = UUID.randomUUID().toString();
        given().header("Authorization", Api.security()).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/api/v1/findings/" + id + "/suppress").then()
                .statusCode(200).body("status", equalTo("SUPPRESSED"))
                .body("suppression.reason", equalTo("partner integration, ticket SEC-42"))
                .body("suppression.by", equalTo("sam@example.com"));
        // a retried request is answered from the first one and announces nothing new
        given().header("Authorization", Api.security()).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/api/v1/findings/" + id + "/suppress").then().statusCode(200)
                .body("status", equalTo("SUPPRESSED"));
        assertThat(events(EventTypes.FINDING_SUPPRESSED.type(), id)).isEqualTo(1);
        JsonObject data = lastEvent(EventTypes.FINDING_SUPPRESSED.type(), id).getJsonObject("data");
        assertThat(data.getString("findingId")).isEqualTo(id);
        assertThat(data.getString("reason")).isEqualTo("partner integration, ticket SEC-42");
        assertThat(data.getString("suppressedBy")).isEqualTo("sam@example.com");
        assertThat(Instant.parse(data.getString("until"))).isEqualTo(Instant.parse(until));
        assertThat(data.getString("rule")).isEqualTo("open-trust-policy");

        Api.get(Api.auditor(), "/api/v1/findings/" + id).statusCode(200).body("status", equalTo("SUPPRESSED"));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                "OPEN".equals(Api.get(Api.auditor(), "/api/v1/findings/" + id).extract().path("status")));
        // reopening announces the finding again, once
        await().atMost(Duration.ofSeconds(5)).until(() -> events(EventTypes.FINDING_OPENED.type(), id) == 2);
        assertThat(events(EventTypes.FINDING_SUPPRESSED.type(), id)).isEqualTo(1);
    }

    @Test
    void badSuppressionsAreRefusedAndChangeNothing() {
        String id = openTrustFinding();
        String future = Instant.now().plusSeconds(3600).toString();
        suppress(Api.auditor(), id, "{\"reason\":\"x\",\"until\":\"" + future + "\"}").statusCode(403);
        suppress(Api.employee(), id, "{\"reason\":\"x\",\"until\":\"" + future + "\"}").statusCode(403);
        suppress(Api.security(), id, "{\"until\":\"" + future + "\"}").statusCode(400)
                .body("type", equalTo("urn:accessloop:problem:invalid-suppression"));
        suppress(Api.security(), id, "{\"reason\":\"x\",\"until\":\"2001-01-01T00:00:00Z\"}").statusCode(400);
        suppress(Api.security(), id, "{\"reason\":\"x\",\"until\":\"2999-01-01T00:00:00Z\"}").statusCode(400);
        suppress(Api.security(), id, "{\"reason\":\"x\",\"until\":\"tomorrow\"}").statusCode(400);
        suppress(Api.security(), id, "{").statusCode(400);
        suppress(Api.security(), "fnd_missing", "{\"reason\":\"x\",\"until\":\"" + future + "\"}").statusCode(404);
        suppress(Api.security(), id, "{\"reason\":\"x\",\"until\":\"" + Instant.now().plus(Duration.ofDays(366))
                + "\"}").statusCode(400).body("detail", org.hamcrest.Matchers.containsString("365"));
        suppress(Api.security(), id, "{\"reason\":\"   \",\"until\":\"" + future + "\"}").statusCode(400);
        Api.get(Api.auditor(), "/api/v1/findings/" + id).statusCode(200).body("status", equalTo("OPEN"))
                .body("suppression", equalTo(null));
        assertThat(events(EventTypes.FINDING_SUPPRESSED.type(), id)).isZero();
    }

    @Test
    void listsFilterSortAndPage() {
        openTrustFinding();
        openTrustFinding();
        JsonPath first = Api.get(Api.auditor(), "/api/v1/findings?rule=open-trust-policy&limit=1&sort=-openedAt")
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(1);
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotBlank();
        JsonPath second = Api.get(Api.auditor(), "/api/v1/findings?rule=open-trust-policy&limit=1&sort=-openedAt&cursor="
                + cursor).statusCode(200).extract().jsonPath();
        assertThat(second.getString("items[0].id")).isNotEqualTo(first.getString("items[0].id"));
        assertThat(Instant.parse(second.getString("items[0].openedAt")))
                .isBeforeOrEqualTo(Instant.parse(first.getString("items[0].openedAt")));

        List<String> severities = Api.get(Api.auditor(), "/api/v1/findings?sort=-severity&limit=200").statusCode(200)
                .extract().jsonPath().getList("items.severity", String.class);
        List<String> order = List.of("critical", "high", "medium", "low");
        for (int i = 1; i < severities.size(); i++) {
            assertThat(order.indexOf(severities.get(i))).isGreaterThanOrEqualTo(order.indexOf(severities.get(i - 1)));
        }
        assertThat(Api.get(Api.auditor(), "/api/v1/findings?status=OPEN,SUPPRESSED&severity=high&rule=open-trust-policy")
                .statusCode(200).extract().jsonPath().getList("items.severity", String.class)).containsOnly("high");

        for (String bad : List.of("limit=0", "limit=201", "cursor=%21%21", "sort=name", "status=GONE", "severity=urgent",
                "resourceType=BUCKET")) {
            Api.get(Api.auditor(), "/api/v1/findings?" + bad).statusCode(400).contentType("application/problem+json");
        }
        Api.get(Api.auditor(), "/api/v1/inventory/principals?type=BUCKET").statusCode(400);
        Api.get(Api.auditor(), "/api/v1/inventory/principals?accountId=12").statusCode(400);
        Api.get(Api.auditor(), "/api/v1/inventory/principals/prp_missing").statusCode(404);
    }
}
