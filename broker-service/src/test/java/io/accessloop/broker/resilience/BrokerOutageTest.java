package io.accessloop.broker.resilience;

import io.accessloop.broker.Api;
import io.accessloop.broker.Db;
import io.accessloop.broker.SandboxAccount;
import io.accessloop.testsupport.ArtemisResource;
import io.accessloop.testsupport.DatabaseOutage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.accessloop.broker.Api.ALICE;
import static io.accessloop.broker.Api.BOB;
import static io.accessloop.broker.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * broker-service losing its surroundings: the service dying between the commit of a state change and the publish of
 * its event, and its database unreachable for a while.
 */
@QuarkusTest
class BrokerOutageTest {

    private static final List<String> ACCESS_QUEUES =
            List.of("accessloop.access.lifecycle", "accessloop.access.drift", "accessloop.access.portal");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private boolean brokerStopped;
    private DatabaseOutage outage;

    @BeforeEach
    void prepare() {
        SandboxAccount.ensureRoles();
        Faults.clear();
    }

    @AfterEach
    void healthy() {
        if (outage != null) {
            outage.end();
            outage = null;
        }
        if (brokerStopped) {
            ArtemisResource.startAgain();
            brokerStopped = false;
        }
    }

    @Test
    void eventsCommittedWhenTheServiceDiesBeforePublishingAreAllPublishedAfterRecovery() {
        awaitOutboxDrained();
        Map<String, Long> depthBefore = depths();
        long rowsBefore = accessRows();

        ArtemisResource.stopBroker();
        brokerStopped = true;
        String request = Api.submit(ALICE, "prod-readonly", "crash between commit and publish").statusCode(201)
                .extract().path("id");
        String grant = Api.approve(BOB, request).statusCode(200).extract().path("grantId");
        assertThat(Db.count("select count(*) from outbox_event where sent_at is null and subject in (?, ?)", request, grant))
                .as("submitted, approved and activated are committed but not published").isGreaterThanOrEqualTo(3);

        // the relay pass holding those rows dies with its database sessions, as it would with the process
        DatabaseOutage.killSessions("broker");
        ArtemisResource.startAgain();
        brokerStopped = false;

        awaitOutboxDrained();
        long newRows = accessRows() - rowsBefore;
        assertThat(newRows).isGreaterThanOrEqualTo(3);
        for (String queue : ACCESS_QUEUES) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(ArtemisResource.messageCount(queue))
                    .as(queue).isGreaterThanOrEqualTo(depthBefore.get(queue) + newRows));
        }
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        for (String queue : ACCESS_QUEUES) {
            // at least once: the pass that died had already handed its first event to the AMQP client, which sends it
            // after the reconnect, and the next pass publishes the unmarked row again (docs/resilience.md, finding 5)
            assertThat(ArtemisResource.messageCount(queue) - depthBefore.get(queue))
                    .as("every event reached %s, none lost, at most one extra copy of each", queue)
                    .isBetween(newRows, 2 * newRows);
        }
        assertThat(Db.count("select count(*) from outbox_event where subject = ? and attempts <> 1", grant))
                .as("marked sent once").isZero();
        as(ALICE).get("/api/v1/grants/" + grant).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void whileTheDatabaseIsUnreachableRequestsFailAndNothingIsHalfWrittenAndTheFlowCompletesAfterwards() {
        String grantBefore = Api.grantFor(ALICE, "prod-readonly");
        String marker = "database outage drill " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("entitlement", "prod-readonly", "reason", marker);

        outage = DatabaseOutage.begin("broker");
        Response submit = as(ALICE).header("Idempotency-Key", key).body(body).post("/api/v1/requests");
        Response revokeOld = as(BOB).body(Map.of("reason", "outage")).post("/api/v1/grants/" + grantBefore + "/revoke");
        Response list = as(ALICE).get("/api/v1/requests?mine=true");
        outage.end();
        outage = null;

        for (Response during : List.of(submit, revokeOld, list)) {
            // a 500 with Quarkus's own error body, not a 503 problem (docs/resilience.md, finding 6)
            assertThat(during.statusCode()).isBetween(500, 599);
            assertThat(during.asString()).doesNotContain(marker).doesNotContain("SecretAccessKey");
        }
        assertThat(Db.count("select count(*) from access_request where reason = ?", marker)).as("nothing half-written")
                .isZero();
        assertThat(Db.count("select count(*) from outbox_event where subject = ? and type like '%revoked%'", grantBefore))
                .isZero();

        String request = await().atMost(WAIT).ignoreExceptions().until(() -> as(ALICE).header("Idempotency-Key", key)
                .body(body).post("/api/v1/requests").then().statusCode(201).extract().<String>path("id"), id -> id != null);
        assertThat(Db.count("select count(*) from access_request where reason = ?", marker)).isEqualTo(1);
        String grant = Api.approve(BOB, request).statusCode(200).extract().path("grantId");
        JsonPath keys = as(ALICE).post("/api/v1/grants/" + grant + "/credentials").then().statusCode(200)
                .extract().jsonPath();
        as(BOB).body(Map.of("reason", "drill over")).post("/api/v1/grants/" + grant + "/revoke").then()
                .statusCode(200).body("status", equalTo("REVOKED")).body("revocationVerified", equalTo(true));
        as(BOB).body(Map.of("reason", "drill over")).post("/api/v1/grants/" + grantBefore + "/revoke").then()
                .statusCode(200).body("status", equalTo("REVOKED"));
        try (IamClient iam = SandboxAccount.iamWith(keys.getString("AccessKeyId"), keys.getString("SecretAccessKey"),
                keys.getString("SessionToken"))) {
            assertThatThrownBy(iam::listRoles).isInstanceOfSatisfying(IamException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        assertThat(Db.count("select count(*) from access_grant where status = 'ACTIVE' and id in (?, ?)", grant, grantBefore))
                .isZero();
    }

    private static Map<String, Long> depths() {
        Map<String, Long> depths = new LinkedHashMap<>();
        for (String queue : ACCESS_QUEUES) {
            depths.put(queue, ArtemisResource.messageCount(queue));
        }
        return depths;
    }

    private static void awaitOutboxDrained() {
        await().atMost(WAIT).ignoreExceptions()
                .until(() -> Db.count("select count(*) from outbox_event where sent_at is null") == 0);
    }

    private static long accessRows() {
        return Db.count("select count(*) from outbox_event where address = 'accessloop.access'");
    }
}
