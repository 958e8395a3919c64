package io.accessloop.drift.resilience;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.Api;
import io.accessloop.drift.Samples;
import io.accessloop.testsupport.ArtemisResource;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * drift-service under faults: AWS throttling, failing and answering slowly while it reconciles and while an ingested
 * notification makes it fetch from AWS Config, and the service dying between the commit of a pushed change and its
 * publish.
 */
@QuarkusTest
class DriftFaultTest {

    private static final List<String> DRIFT_QUEUES = List.of("accessloop.drift.lifecycle", "accessloop.drift.portal");
    private static final String LIVE = "select arn from iam_resource where deleted = false order by arn";
    private static final String OPEN = "select rule || ' ' || principal_arn from finding where status = 'OPEN' "
            + "and principal_arn not like '%fault-role-%' order by 1";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static boolean seeded;

    private boolean brokerStopped;

    @BeforeEach
    void demoAccountReconciled() {
        clearFaults();
        if (!seeded) {
            SandboxResource.control("/_sandbox/seed/demo", "{}");
            reconcile();
            seeded = true;
        }
    }

    @AfterEach
    void healthy() {
        clearFaults();
        if (brokerStopped) {
            ArtemisResource.startAgain();
            brokerStopped = false;
        }
    }

    @ParameterizedTest(name = "every AWS call answering {0} {1}")
    @CsvSource({"throttle,400", "error,503", "error,500"})
    void aReconciliationAgainstAFailingAwsFailsCleanlyAndRollsNothingBack(String type, int status) {
        assertThat(run("SUCCEEDED")).isNotNull();
        List<String> live = DriftDb.strings(LIVE);
        List<String> open = DriftDb.strings(OPEN);
        assertThat(live).as("the demo account is in the inventory").hasSizeGreaterThan(5);
        assertThat(open).isNotEmpty();

        inject("*", type, status, 0, null);
        JsonPath failed = reconcile();
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("detail")).isNotBlank();
        assertThat(DriftDb.strings(LIVE)).as("nothing deleted or rolled back").isEqualTo(live);
        assertThat(DriftDb.strings(OPEN)).as("no finding resolved by a failed read").isEqualTo(open);

        clearFaults();
        assertThat(run("SUCCEEDED").getString("source")).isEqualTo("reconcile-config");
        assertThat(DriftDb.strings(LIVE)).isEqualTo(live);
        assertThat(DriftDb.strings(OPEN)).isEqualTo(open);
    }

    @Test
    void aBriefThrottlingIsRetriedAndTheReconciliationSucceeds() {
        run("SUCCEEDED");
        List<String> live = DriftDb.strings(LIVE);
        List<String> open = DriftDb.strings(OPEN);
        inject("*", "throttle", 400, 0, 2);

        JsonPath run = run("SUCCEEDED");

        assertThat(run.getString("source")).isEqualTo("reconcile-config");
        assertThat(faultsLeft()).as("both throttled answers were spent on retries").isZero();
        assertThat(DriftDb.strings(LIVE)).isEqualTo(live);
        assertThat(DriftDb.strings(OPEN)).isEqualTo(open);
    }

    @Test
    void aSlowAwsConfigStillReconciles() {
        run("SUCCEEDED");
        List<String> live = DriftDb.strings(LIVE);
        List<String> open = DriftDb.strings(OPEN);
        inject("config:*", "latency", 200, 300, null);

        run("SUCCEEDED");

        assertThat(DriftDb.strings(LIVE)).isEqualTo(live);
        assertThat(DriftDb.strings(OPEN)).isEqualTo(open);
    }

    @Test
    void anOversizedNotificationWhoseConfigFetchIsThrottledIsRetriedUntilItIsProcessed() {
        String id = Api.get(Api.auditor(), "/api/v1/inventory/principals?type=POLICY&name=legacy-s3-full-access")
                .statusCode(200).extract().path("items[0].resourceId");
        List<String> live = DriftDb.strings(LIVE);
        inject("config:GetResourceConfigHistory", "throttle", 400, 0, 4);

        ObjectNode pointer = Samples.load("eventbridge-config-oversized-policy.json");
        pointer.put("id", UUID.randomUUID().toString());
        ((ObjectNode) pointer.get("detail").get("configurationItemSummary"))
                .put("resourceId", id).put("resourceName", "legacy-s3-full-access");
        String raw = Api.push(pointer).statusCode(202).extract().path("rawEventId");

        await().atMost(WAIT).until(() -> DriftDb.count(
                "select count(*) from raw_event where id = ? and processed_at is not null", raw) == 1);
        assertThat(faultsLeft()).as("the throttled fetches were retried").isZero();
        assertThat(DriftDb.strings("select outcome from raw_event where id = ?", raw))
                .as("the item fetched is the one reconciliation already holds").containsExactly("stale");
        assertThat(DriftDb.strings(LIVE)).isEqualTo(live);
    }

    @Test
    void aChangeCommittedWhenTheServiceDiesBeforePublishingIsProcessedOnceAndItsFindingsPublishedOnce() {
        awaitOutboxDrained();
        long driftRowsBefore = driftRows();
        List<Long> depthBefore = DRIFT_QUEUES.stream().map(ArtemisResource::messageCount).toList();
        String role = "fault-role-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode change = Samples.roleChange(role, Instant.now().truncatedTo(ChronoUnit.MILLIS), 1);
        Samples.attach(change, "AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess");

        ArtemisResource.stopBroker();
        brokerStopped = true;
        String raw = Api.push(change).statusCode(202).extract().path("rawEventId");
        assertThat(DriftDb.count("select count(*) from outbox_event where subject = ? and sent_at is null", raw))
                .as("stored and committed, not yet published").isEqualTo(1);
        // the relay pass holding that row dies with the service's database sessions, as it would with the process
        DriftDb.killServiceSessions();
        ArtemisResource.startAgain();
        brokerStopped = false;

        await().atMost(WAIT).ignoreExceptions().until(() -> DriftDb.count(
                "select count(*) from raw_event where id = ? and processed_at is not null", raw) == 1);
        String arn = "arn:aws:iam::000000000000:role/" + role;
        await().atMost(WAIT).ignoreExceptions().until(() -> DriftDb.count(
                "select count(*) from finding where principal_arn = ? and rule = 'admin-wildcard' and status = 'OPEN'",
                arn) == 1);
        awaitOutboxDrained();
        assertThat(DriftDb.count("select count(*) from outbox_event where subject = ?", raw))
                .as("the change was published once").isEqualTo(1);
        long newDriftRows = driftRows() - driftRowsBefore;
        assertThat(newDriftRows).as("at least the finding opened").isGreaterThanOrEqualTo(1);
        for (int i = 0; i < DRIFT_QUEUES.size(); i++) {
            String queue = DRIFT_QUEUES.get(i);
            long expected = depthBefore.get(i) + newDriftRows;
            await().atMost(WAIT).until(() -> ArtemisResource.messageCount(queue) >= expected);
            assertThat(ArtemisResource.messageCount(queue)).as("each drift event reached %s exactly once", queue)
                    .isEqualTo(expected);
        }
        assertThat(DriftDb.count("select count(*) from iam_resource where arn = ?", arn))
                .as("the change was applied once").isEqualTo(1);
    }

    /**
     * Starts a reconciliation (it runs in the background: 202 and a status URL) and polls it until it has finished;
     * a whole run on a loaded two-core machine can take minutes.
     */
    private static JsonPath reconcile() {
        io.restassured.response.Response started = given().header("Authorization", Api.security())
                .post("/api/v1/reconcile");
        started.then().statusCode(202);
        String status = started.jsonPath().getString("statusUrl");
        await().atMost(Duration.ofMinutes(5)).until(() -> !List.of("QUEUED", "RUNNING").contains(
                given().header("Authorization", Api.security()).get(status).then().statusCode(200)
                        .extract().<String>path("status")));
        return given().header("Authorization", Api.security()).get(status).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath run(String status) {
        JsonPath run = reconcile();
        assertThat(run.getString("status")).as("run %s: %s", run.getString("id"), run.getString("detail"))
                .isEqualTo(status);
        return run;
    }

    private static void awaitOutboxDrained() {
        await().atMost(WAIT).ignoreExceptions()
                .until(() -> DriftDb.count("select count(*) from outbox_event where sent_at is null") == 0);
    }

    private static long driftRows() {
        return DriftDb.count("select count(*) from outbox_event where address = 'accessloop.drift'");
    }

    private static void inject(String action, String type, int status, long latency, Integer count) {
        SandboxResource.control("/_sandbox/faults", "{\"action\":\"" + action + "\",\"type\":\"" + type
                + "\",\"statusCode\":" + status + ",\"latencyMillis\":" + latency + ",\"probability\":1.0"
                + (count == null ? "" : ",\"count\":" + count) + "}");
    }

    private static int faultsLeft() {
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    SandboxResource.endpoint().resolve("/_sandbox/faults")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return Samples.JSON.readTree(body).get("faults").size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
}
