package io.accessloop.lifecycle.resilience;

import io.accessloop.contracts.EventTypes;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Hr;
import io.accessloop.lifecycle.support.Iam;
import io.accessloop.lifecycle.support.Roles;
import io.accessloop.testsupport.ArtemisResource;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** lifecycle-service under faults: the AMQP broker down between outbox commit and publish, and IAM failing. */
@QuarkusTest
class LifecycleFaultTest {

    private static final String COMMANDS = "accessloop.broker.commands";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private boolean brokerStopped;

    @AfterEach
    void healthy() {
        clearFaults();
        if (brokerStopped) {
            ArtemisResource.startAgain();
            brokerStopped = false;
        }
    }

    @Test
    void aRevokeCommandCommittedWhileTheBrokerIsDownIsPublishedOnceItIsBack() {
        awaitOutboxDrained();
        long queuedBefore = ArtemisResource.messageCount(COMMANDS);
        long commandsBefore = commandRows();
        String person = "outage-" + suffix() + "@example.com";

        ArtemisResource.stopBroker();
        brokerStopped = true;
        String caseUrl = Hr.post(Hr.event(Hr.newId(), "employee.terminated", person, null, null))
                .statusCode(202).extract().path("statusUrl");
        await().atMost(WAIT).until(() -> Db.count("select count(*) from outbox_event where type = ? and subject = ?",
                EventTypes.REVOKE_IDENTITY.type(), person) == 1);
        assertThat(Db.count("select count(*) from outbox_event where type = ? and subject = ? and sent_at is null",
                EventTypes.REVOKE_IDENTITY.type(), person)).as("committed, not yet published").isEqualTo(1);
        ArtemisResource.startAgain();
        brokerStopped = false;

        awaitOutboxDrained();
        long newCommands = commandRows() - commandsBefore;
        assertThat(newCommands).isGreaterThanOrEqualTo(1);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(ArtemisResource.messageCount(COMMANDS)).isGreaterThanOrEqualTo(queuedBefore + newCommands));
        assertThat(ArtemisResource.messageCount(COMMANDS)).as("each command reached the broker's queue exactly once")
                .isEqualTo(queuedBefore + newCommands);
        await().atMost(WAIT).until(() -> "CLOSED".equals(view(caseUrl).getString("status")));
    }

    @Test
    void anOffboardingUnderAnIamOutageRetriesAndFinishesWhenIamRecovers() {
        String suffix = suffix();
        String person = "iamfault-" + suffix + "@example.com";
        Iam.userWithEverything(person, suffix);
        SandboxResource.control("/_sandbox/faults",
                "{\"action\":\"iam:*\",\"type\":\"error\",\"statusCode\":503,\"probability\":1.0}");

        String caseUrl = Hr.post(Hr.event(Hr.newId(), "employee.terminated", person, null, null))
                .statusCode(202).extract().path("statusUrl");
        await().atMost(WAIT).until(() -> {
            JsonPath c = view(caseUrl);
            return "RETRYING".equals(c.getString("status")) && c.getInt("attempts") >= 1 && c.getString("lastError") != null;
        });
        assertThat(view(caseUrl).getString("status")).isNotEqualTo("CLOSED");
        clearFaults();
        assertThat(Iam.userExists(person)).as("nothing was cleaned while IAM failed").isTrue();

        await().atMost(WAIT).until(() -> "CLOSED".equals(view(caseUrl).getString("status")));
        assertThat(Iam.userExists(person)).isFalse();
        List<String> steps = view(caseUrl).getList("steps.step", String.class);
        assertThat(steps).contains("CLEAN_IAM_USERS", "VERIFY").endsWith("CLOSE");
        assertThat(Db.count("select count(*) from outbox_event where type = ? and subject = ?",
                EventTypes.OFFBOARDED.type(), person)).isEqualTo(1);
        assertThat(Db.count("select count(*) from outbox_event where type = ? and subject = ?",
                EventTypes.REVOKE_IDENTITY.type(), person)).as("retries never repeat the revoke command").isEqualTo(1);
    }

    @Test
    void anIamCleanUpCutShortAfterSomeCallsPublishesEveryActionOnceWhenItFinishes() {
        String suffix = suffix();
        String person = "halfdone-" + suffix + "@example.com";
        Iam.userWithEverything(person, suffix);
        // everything but the last call of the clean-up succeeds: keys, password, group, policies and MFA are gone
        SandboxResource.control("/_sandbox/faults",
                "{\"action\":\"iam:DeleteUser\",\"type\":\"error\",\"statusCode\":503,\"probability\":1.0}");

        String caseUrl = Hr.post(Hr.event(Hr.newId(), "employee.terminated", person, null, null))
                .statusCode(202).extract().path("statusUrl");
        await().atMost(WAIT).until(() -> {
            JsonPath c = view(caseUrl);
            return c.getInt("attempts") >= 1 && c.getString("lastError") != null
                    && c.getString("lastError").startsWith("CLEAN_IAM_USERS");
        });
        assertThat(Iam.userExists(person)).isTrue();
        assertThat(Iam.client().listAccessKeys(b -> b.userName(person)).accessKeyMetadata()).isEmpty();
        clearFaults();

        await().atMost(WAIT).until(() -> "CLOSED".equals(view(caseUrl).getString("status")));
        assertThat(Iam.userExists(person)).isFalse();
        List<String> actions = Db.query("select envelope from outbox_event where type = ? and envelope like ?",
                        EventTypes.IAM_USER_ACTIONED.type(), "%user/" + person + "\"%").stream()
                .map(r -> JsonPath.from((String) r.get("envelope")).getString("data.action")).toList();
        assertThat(actions).as("the calls made before the failure are published too, each once")
                .containsExactlyInAnyOrder("key-deactivated", "key-deactivated", "key-deleted", "key-deleted",
                        "login-profile-deleted", "group-membership-removed", "inline-policy-deleted",
                        "managed-policy-detached", "mfa-device-deactivated", "user-deleted");
    }

    private static void awaitOutboxDrained() {
        await().atMost(WAIT).until(() -> Db.count("select count(*) from outbox_event where sent_at is null") == 0);
    }

    private static long commandRows() {
        return Db.count("select count(*) from outbox_event where address = ?", COMMANDS);
    }

    private static JsonPath view(String caseUrl) {
        return given().header("Authorization", Roles.security()).get(caseUrl).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void clearFaults() {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(SandboxResource.endpoint().resolve("/_sandbox/faults"))
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }
}
