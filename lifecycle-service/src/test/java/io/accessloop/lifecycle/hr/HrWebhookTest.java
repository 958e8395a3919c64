package io.accessloop.lifecycle.hr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.contracts.EventTypes;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Hr;
import io.accessloop.lifecycle.support.Roles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class HrWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HR_STATE = "select (select count(*) from hr_event) + (select count(*) from identity)"
            + " + (select count(*) from offboarding_case) + (select count(*) from audit_entry where kind like 'hr.%')";

    @Test
    void leaveSuspendsAndRevokesAccessAndReturnRestoresIt() {
        String person = person();
        String id = Hr.newId();
        String statusUrl = Hr.post(Hr.event(id, "employee.leave_started", person, null, "\"team\":\"payments\""))
                .statusCode(202)
                .header("Location", endsWith("/api/v1/hr/events/" + id))
                .body("eventId", equalTo(id)).body("status", equalTo("accepted"))
                .extract().path("statusUrl");

        assertThat(published(EventTypes.SUSPENDED.type(), person)).isEqualTo(1);
        assertThat(published(EventTypes.REVOKE_IDENTITY.type(), person)).isEqualTo(1);
        assertThat(status(person)).isEqualTo("SUSPENDED");
        given().header("Authorization", Roles.security()).get(statusUrl)
                .then().statusCode(200).body("eventId", equalTo(id));
        given().header("Authorization", Roles.employee(person)).get(statusUrl).then().statusCode(404);

        Hr.post(Hr.event(Hr.newId(), "employee.leave_returned", person, null, null)).statusCode(202);
        assertThat(published(EventTypes.RESTORED.type(), person)).isEqualTo(1);
        assertThat(status(person)).isEqualTo("ACTIVE");
    }

    @Test
    void aTransferIsPublishedWithBothTeams() {
        String person = person();
        Hr.post(Hr.event(Hr.newId(), "employee.transferred", person, null,
                "\"team\":\"risk\",\"previousTeam\":\"payments\"")).statusCode(202);
        assertThat(Db.query("select envelope from outbox_event where type = ? and subject = ?",
                EventTypes.TRANSFERRED.type(), person).get(0).get("envelope").toString())
                .contains("\"team\":\"risk\"", "\"previousTeam\":\"payments\"");
        assertThat(Db.query("select team from identity where email = ?", person).get(0)).containsEntry("team", "risk");
    }

    @Test
    void bothSecretsOfARotationAndEveryConfiguredSourceAreAccepted() {
        long now = Instant.now().getEpochSecond();
        Hr.post(Hr.event(Hr.newId(), "employee.leave_started", person(), null, null), Hr.PREVIOUS, now).statusCode(202);
        Hr.post(Hr.event(Hr.newId(), "employee.leave_started", person(), null, null), Hr.BAMBOO, now).statusCode(202);
    }

    @Test
    void aReplayGetsTheFirstAnswerAndChangesNothing() {
        String person = person();
        String body = Hr.event(Hr.newId(), "employee.leave_started", person, null, null);
        String first = Hr.post(body).statusCode(202).extract().asString();
        String again = Hr.post(body).statusCode(202).extract().asString();

        assertThat(again).isEqualTo(first);
        assertThat(published(EventTypes.SUSPENDED.type(), person)).isEqualTo(1);
        assertThat(Db.count("select count(*) from audit_entry where identity = ? and kind = ?", person,
                "hr.employee.leave_started")).isEqualTo(1);
    }

    @Test
    void theSameEventIdWithAnotherBodyIsAConflict() {
        String id = Hr.newId();
        String person = person();
        Hr.post(Hr.event(id, "employee.leave_started", person, null, null)).statusCode(202);
        Hr.post(Hr.event(id, "employee.leave_returned", person, null, null)).statusCode(409)
                .body("type", equalTo("urn:accessloop:problem:hr-event-id-reused"));
        assertThat(status(person)).isEqualTo("SUSPENDED");
    }

    @Test
    void unsignedForgedStaleAndMalformedSignaturesAreRefusedAndChangeNothing() {
        String person = person();
        String body = Hr.event(Hr.newId(), "employee.terminated", person, null, null);
        long now = Instant.now().getEpochSecond();

        Hr.postWithHeader(body, null).statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:accessloop:problem:signature-missing"));
        Hr.post(body, "not-the-secret", now).statusCode(401)
                .body("type", equalTo("urn:accessloop:problem:signature-invalid"));
        Hr.post(body, Hr.CURRENT, now - 400).statusCode(401)
                .body("type", equalTo("urn:accessloop:problem:signature-stale"));
        Hr.post(body, Hr.CURRENT, now + 400).statusCode(401)
                .body("type", equalTo("urn:accessloop:problem:signature-stale"));
        String signedOther = io.accessloop.lifecycle.hr.domain.WebhookSignature.sign(Hr.CURRENT, now,
                body.replace("terminated", "transferred").getBytes());
        Hr.postWithHeader(body, signedOther).statusCode(401)
                .body("type", equalTo("urn:accessloop:problem:signature-invalid"));
        Hr.postWithHeader(body, "t=abc,v1=zz").statusCode(401)
                .body("type", equalTo("urn:accessloop:problem:signature-malformed"));
        Hr.postWithHeader(body, "v1=" + "0".repeat(64)).statusCode(401);

        assertNothingHappenedTo(person);
    }

    @Test
    void malformedInvalidAndOversizedBodiesAreRefusedAndChangeNothing() {
        String person = person();
        Hr.post("{not json").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:accessloop:problem:malformed-hr-event"));
        Hr.post("[1,2]").statusCode(400);
        Hr.post("{\"id\":\"x y\",\"type\":\"employee.fired\",\"occurredAt\":\"yesterday\",\"employee\":{\"email\":\""
                        + person + "\"}}").statusCode(400)
                .body("type", equalTo("urn:accessloop:problem:invalid-request"))
                .body("errors", hasItem(startsWith("id:")))
                .body("errors", hasItem(startsWith("type:")))
                .body("errors", hasItem(startsWith("occurredAt:")));
        Hr.post(Hr.event(Hr.newId(), "employee.transferred", person, null, "\"team\":\"risk\"")).statusCode(400)
                .body("errors", hasItem(startsWith("employee.team and employee.previousTeam")));
        Hr.post(Hr.event(Hr.newId(), "employee.terminated", "not-an-email", null, null)).statusCode(400);
        String huge = Hr.event(Hr.newId(), "employee.terminated", person, null,
                "\"team\":\"" + "x".repeat(70_000) + "\"");
        Hr.post(huge).statusCode(413).body("type", equalTo("urn:accessloop:problem:payload-too-large"));

        assertNothingHappenedTo(person);
    }

    @Test
    void aFutureDatedTerminationIsScheduledAndWaits() {
        String person = person();
        String effective = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String caseUrl = Hr.post(Hr.event(Hr.newId(), "employee.terminated", person, effective, null))
                .statusCode(202).body("status", equalTo("scheduled"))
                .body("caseId", startsWith("case_"))
                .extract().path("statusUrl");

        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        given().header("Authorization", Roles.security()).get(caseUrl)
                .then().statusCode(200).body("status", equalTo("SCHEDULED")).body("nextStep", equalTo("REVOKE_ACCESS"))
                .body("effectiveAt", equalTo(effective));
        assertThat(published(EventTypes.REVOKE_IDENTITY.type(), person)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "alice\u202E@example.com",
            "al\u200Bice@example.com",
            "\uFEFFalice@example.com",
            "\u0430lice@example.com",
            "alice@ex\u0430mple.com",
            "<script>@x.com",
            "\"><img src=x onerror=alert(1)>@example.com",
            "\"alice\"@example.com",
            "al..ice@example.com",
            ".alice@example.com",
            "alice@example",
            "alice@-example.com",
            "alice@example.com\n",
            " alice@example.com"})
    void aHostileEmailIsRefusedWithA400AndChangesNothing(String email) {
        ObjectNode body = JSON.createObjectNode().put("id", Hr.newId()).put("type", "employee.terminated")
                .put("occurredAt", Instant.now().toString());
        body.putObject("employee").put("email", email).put("employeeId", "E-1");
        long before = Db.count(HR_STATE);

        Hr.post(body.toString()).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:accessloop:problem:invalid-request"))
                .body("errors", hasItem(startsWith("employee.email: not accepted")));

        assertThat(Db.count(HR_STATE)).isEqualTo(before);
    }

    private static void assertNothingHappenedTo(String person) {
        assertThat(Db.count("select count(*) from hr_event where email = ?", person)).isZero();
        assertThat(Db.count("select count(*) from audit_entry where identity = ?", person)).isZero();
        assertThat(Db.count("select count(*) from offboarding_case where identity = ?", person)).isZero();
        assertThat(Db.count("select count(*) from outbox_event where subject = ?", person)).isZero();
    }

    private static long published(String type, String person) {
        return Db.count("select count(*) from outbox_event where type = ? and subject = ?", type, person);
    }

    private static String status(String person) {
        return (String) Db.query("select status from identity where email = ?", person).get(0).get("status");
    }

    private static String person() {
        return "hr" + System.nanoTime() + "@example.com";
    }
}
