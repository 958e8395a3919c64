package io.accessloop.drift.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.Api;
import io.accessloop.drift.Samples;
import io.accessloop.drift.SnsSigner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class IngestFlowTest {

    @Inject
    Pool pool;

    @Test
    void outOfBandAttachmentToAManagedRoleBecomesAFindingNamingWhoDidIt() {
        String role = "payments-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        Api.push(Samples.roleChange(role, t0, 1)).statusCode(202).body("status", equalTo("accepted"));
        Api.push(Samples.attachRolePolicyCall(role, "arn:aws:iam::aws:policy/AdministratorAccess", t0.plusSeconds(1),
                "ops-admin", "mallory@example.com")).statusCode(202);
        ObjectNode changed = Samples.roleChange(role, t0.plusSeconds(2), 2);
        Samples.attach(changed, "AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess");
        Api.push(changed).statusCode(202);

        String arn = "arn:aws:iam::000000000000:role/" + role;
        List<Map<String, Object>> findings = awaitFindings("principalArn=" + arn + "&rule=out-of-band-change", 1);
        Map<String, Object> finding = findings.get(0);
        assertThat(finding.get("status")).isEqualTo("OPEN");
        assertThat(finding.get("severity")).isEqualTo("high");
        assertThat((String) finding.get("id")).startsWith("fnd_");
        assertThat(finding.get("changedBy")).isEqualTo("arn:aws:sts::000000000000:assumed-role/ops-admin/mallory@example.com");
        assertThat(finding.get("sourceIdentity")).isEqualTo("mallory@example.com");
        assertThat((String) finding.get("summary")).contains("AdministratorAccess").contains("attached");
        assertThat(awaitFindings("principalArn=" + arn + "&rule=admin-wildcard", 1)).hasSize(1);

        JsonPath inventory = Api.get(Api.auditor(), "/api/v1/inventory/principals?type=ROLE&name=" + role)
                .statusCode(200).extract().jsonPath();
        assertThat(inventory.getList("items")).hasSize(1);
        assertThat(inventory.getString("items[0].lastChangedBy")).contains("mallory@example.com");
        assertThat(inventory.getList("items[0].attachedPolicies.arn", String.class))
                .contains("arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(inventory.getString("items[0].inlinePolicies[0].document.Statement[0].Effect")).isEqualTo("Allow");
        assertThat(inventory.getBoolean("items[0].managed")).isTrue();
        String id = inventory.getString("items[0].id");
        JsonPath history = Api.get(Api.auditor(), "/api/v1/inventory/principals/" + id + "/history").statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("items.changeType", String.class)).containsExactly("UPDATE", "CREATE");
        JsonPath changes = Api.get(Api.auditor(), "/api/v1/inventory/principals/" + id + "/changes").statusCode(200)
                .extract().jsonPath();
        assertThat(changes.getList("items.eventName", String.class)).containsExactly("AttachRolePolicy");

        Api.push(Samples.roleChange(role, t0.plusSeconds(3), 3)).statusCode(202);
        awaitFindings("principalArn=" + arn + "&rule=out-of-band-change&status=RESOLVED", 1);
        assertThat(findings("principalArn=" + arn + "&status=OPEN")).isEmpty();
    }

    @Test
    void anOlderItemArrivingLateNeverRollsTheInventoryBack() {
        String role = "ordered-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        ObjectNode newer = Samples.roleChange(role, t0.plusSeconds(5), 5);
        Samples.attach(newer, "PowerUserAccess", "arn:aws:iam::aws:policy/PowerUserAccess");
        Api.push(newer).statusCode(202);
        Api.push(Samples.roleChange(role, t0, 1)).statusCode(202);
        String rawOfOlder = Api.push(Samples.roleChange(role, t0.plusSeconds(1), 2)).statusCode(202)
                .extract().path("rawEventId");
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(rawOfOlder));

        JsonPath inventory = Api.get(Api.security(), "/api/v1/inventory/principals?name=" + role).statusCode(200)
                .extract().jsonPath();
        assertThat(inventory.getList("items.attachedPolicies.arn").toString()).contains("PowerUserAccess");
        assertThat(inventory.getInt("items[0].version")).isEqualTo(1);
    }

    @Test
    void aDuplicateDeliveryIsStoredOnceAndAnsweredWithTheFirstId() {
        ObjectNode event = Samples.roleChange("dup-" + UUID.randomUUID().toString().substring(0, 8), Instant.now(), 1);
        String first = Api.push(event).statusCode(202).body("status", equalTo("accepted")).extract().path("rawEventId");
        Api.push(event).statusCode(202).body("status", equalTo("duplicate")).body("rawEventId", equalTo(first));
        assertThat(count("select count(*) from raw_event where source_id = '" + event.get("id").asText() + "'"))
                .isEqualTo(1);
    }

    @Test
    void snsWrappedConfigMessagesAndEventBridgeInsideSnsAreAccepted() {
        Api.push(SnsSigner.signed(Samples.load("sns-config-item-change-user.json")
                        .put("MessageId", UUID.randomUUID().toString())))
                .statusCode(202).body("status", equalTo("accepted")).body("rawEventId", startsWith("evt_"));
        ObjectNode inner = Samples.roleChange("sns-" + UUID.randomUUID().toString().substring(0, 8), Instant.now(), 1);
        Api.push(SnsSigner.signed(Samples.sns(inner))).statusCode(202).body("status", equalTo("accepted"));
        List<Map<String, Object>> admin = awaitFindings(
                "principalArn=arn:aws:iam::000000000000:user/humans/legacy-admin&rule=admin-wildcard", 1);
        assertThat(admin.get(0).get("severity")).isEqualTo("critical");
    }

    @Test
    void otherResourceTypesAreAcknowledgedButNotStored() {
        long before = count("select count(*) from raw_event");
        Api.push(Samples.load("eventbridge-config-item-change-security-group.json")).statusCode(202)
                .body("status", equalTo("ignored"));
        assertThat(count("select count(*) from raw_event")).isEqualTo(before);
    }

    @Test
    void malformedNotificationsAreRefusedAndNothingIsStored() {
        long before = count("select count(*) from raw_event");
        ObjectNode noAccount = Samples.roleChange("bad-" + UUID.randomUUID(), Instant.now(), 1);
        Samples.item(noAccount).remove("awsAccountId");
        ObjectNode badPolicy = Samples.roleChange("bad-" + UUID.randomUUID(), Instant.now(), 1);
        Samples.configuration(badPolicy).put("assumeRolePolicyDocument", "%7B%ZZ");
        ObjectNode badTime = Samples.roleChange("bad-" + UUID.randomUUID(), Instant.now(), 1);
        Samples.item(badTime).put("configurationItemCaptureTime", "yesterday");
        for (Object body : List.of("{not json", "[]", "{}", noAccount, badPolicy, badTime,
                Samples.load("sns-config-item-change-user.json").put("Type", "SubscriptionConfirmation"),
                Samples.load("sns-config-item-change-user.json").put("Type", "Advertisement"),
                SnsSigner.signed(Samples.load("sns-config-item-change-user.json").put("Message", "nope")),
                SnsSigner.signed(Samples.sns(noAccount)))) {
            Api.push(body).statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:accessloop:problem:malformed-notification"));
        }
        assertThat(count("select count(*) from raw_event")).isEqualTo(before);
    }

    @Test
    void pushesNeedTheApiKeyOrBasicAuthAndBothRotationKeysWork() {
        String body = Samples.roleChange("auth-" + UUID.randomUUID().toString().substring(0, 8), Instant.now(), 1).toString();
        given().contentType("application/json").body(body).post("/ingest/aws/events").then().statusCode(401)
                .body("type", equalTo("urn:accessloop:problem:ingest-unauthenticated"));
        given().header(Api.API_KEY_HEADER, "wrong").contentType("application/json").body(body)
                .post("/ingest/aws/events").then().statusCode(401);
        given().auth().preemptive().basic("eventbridge", "wrong").contentType("application/json").body(body)
                .post("/ingest/aws/events").then().statusCode(401);
        given().header(Api.API_KEY_HEADER, "test-key-previous").contentType("application/json").body(body)
                .post("/ingest/aws/events").then().statusCode(202);
        given().auth().preemptive().basic("eventbridge", "test-password").contentType("application/json").body(body)
                .post("/ingest/aws/events").then().statusCode(202).body("status", equalTo("duplicate"));
    }

    private boolean processed(String rawEventId) {
        return count("select count(*) from raw_event where processed_at is not null and id = '" + rawEventId + "'") == 1;
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    static List<Map<String, Object>> findings(String query) {
        return Api.get(Api.security(), "/api/v1/findings?" + query).statusCode(200).extract().jsonPath().getList("items");
    }

    static List<Map<String, Object>> awaitFindings(String query, int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> findings(query).size() >= expected);
        return findings(query);
    }
}
