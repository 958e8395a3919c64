package io.accessloop.lifecycle.offboarding;

import io.accessloop.contracts.EventTypes;
import io.accessloop.lifecycle.support.Db;
import io.accessloop.lifecycle.support.Events;
import io.accessloop.lifecycle.support.Hr;
import io.accessloop.lifecycle.support.Iam;
import io.accessloop.lifecycle.support.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lifecycle side of the offboarding bench (a person with 20 grants and an IAM user): how long from the HR webhook
 * until the revoke command is published and the IAM user is stripped, logged per run for comparison. It asserts
 * what each run must do, never how fast.
 */
@QuarkusTest
class OffboardingLatencyTest {

    private static final Logger LOG = Logger.getLogger(OffboardingLatencyTest.class);
    private static final int RUNS = 5;

    @Test
    void aLeaverWithTwentyGrantsAndAnIamUserIsRevokedAndStrippedEveryRun() {
        List<Long> commandMillis = new ArrayList<>();
        List<Long> iamMillis = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            String suffix = Long.toString(System.nanoTime(), 36);
            String person = "bench-" + suffix + "@example.com";
            List<String> grants = IntStream.range(0, 20).mapToObj(i -> Events.grantId()).toList();
            grants.forEach(g -> Events.sendSample(EventTypes.GRANT_ACTIVATED, d -> d.put("grantId", g)
                    .put("identity", person).put("endsAt", Instant.now().plus(Duration.ofHours(4)).toString())));
            Iam.userWithEverything(person, suffix);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Db.count("select count(*) from grant_schedule where identity = ?", person) == 20);

            Instant webhook = Instant.now();
            String caseUrl = Hr.post(Hr.event(Hr.newId(), "employee.terminated", person, null, null))
                    .statusCode(202).extract().path("statusUrl");
            await().atMost(Duration.ofSeconds(30)).until(() -> Db.count("select count(*) from outbox_event "
                    + "where type = ? and subject = ? and sent_at is not null", EventTypes.REVOKE_IDENTITY.type(),
                    person) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> view(caseUrl).getList("steps.step")
                    .contains("CLEAN_IAM_USERS"));

            Instant sent = ((Timestamp) Db.query("select sent_at from outbox_event where type = ? and subject = ?",
                    EventTypes.REVOKE_IDENTITY.type(), person).get(0).get("sent_at")).toInstant();
            Instant stripped = Instant.parse(view(caseUrl).getString("steps.find { it.step == 'CLEAN_IAM_USERS' }"
                    + ".completedAt"));
            commandMillis.add(Duration.between(webhook, sent).toMillis());
            iamMillis.add(Duration.between(webhook, stripped).toMillis());
            LOG.infof("offboarding latency run %d: webhook -> revoke command published %d ms, "
                    + "webhook -> IAM user stripped %d ms", run + 1, commandMillis.get(run), iamMillis.get(run));

            assertThat(Iam.userExists(person)).isFalse();
            assertThat(OffboardingTest.actionsOn(person)).hasSize(10);
            grants.forEach(g -> Events.sendSample(EventTypes.GRANT_REVOKED, d -> d.put("grantId", g)
                    .put("identity", person).put("reason", "offboarding")));
            await().atMost(Duration.ofSeconds(60)).until(() -> "CLOSED".equals(view(caseUrl).getString("status")));
            assertThat(Db.count("select count(*) from outbox_event where type = ? and subject = ?",
                    EventTypes.REVOKE_IDENTITY.type(), person)).as("one revoke command per leaver").isEqualTo(1);
        }
        LOG.infof("offboarding latency over %d runs: revoke command published median %d ms, max %d ms; "
                        + "IAM user stripped median %d ms, max %d ms", RUNS, median(commandMillis),
                Collections.max(commandMillis), median(iamMillis), Collections.max(iamMillis));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static JsonPath view(String caseUrl) {
        return given().header("Authorization", Roles.security()).get(caseUrl).then().statusCode(200)
                .extract().jsonPath();
    }
}
