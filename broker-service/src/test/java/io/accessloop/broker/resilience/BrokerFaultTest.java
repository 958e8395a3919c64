package io.accessloop.broker.resilience;

import io.accessloop.broker.Api;
import io.accessloop.broker.Db;
import io.accessloop.broker.SandboxAccount;
import io.accessloop.testsupport.ArtemisResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

import java.time.Duration;
import java.util.Map;

import static io.accessloop.broker.Api.ALICE;
import static io.accessloop.broker.Api.BOB;
import static io.accessloop.broker.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The broker under faults: the AMQP broker down in the middle of request → approval → credentials → revoke, and AWS
 * throttling, failing or answering slowly on AssumeRole and on the IAM write that revokes.
 */
@QuarkusTest
class BrokerFaultTest {

    private static final String LIFECYCLE_QUEUE = "accessloop.access.lifecycle";
    private static final String REVOKED = "io.accessloop.access.grant.revoked.v1";
    private static final Duration WAIT = Duration.ofSeconds(40);

    private boolean brokerStopped;

    @BeforeEach
    void prepare() {
        SandboxAccount.ensureRoles();
        Faults.clear();
    }

    @AfterEach
    void healthy() {
        Faults.clear();
        if (brokerStopped) {
            ArtemisResource.startAgain();
            brokerStopped = false;
        }
    }

    @Test
    void aBrokerOutageInTheMiddleOfTheFlowLosesNothingAndDuplicatesNothing() {
        awaitOutboxDrained();
        long queuedBefore = ArtemisResource.messageCount(LIFECYCLE_QUEUE);
        long accessRowsBefore = accessRows();

        String request = Api.submit(ALICE, "prod-readonly", "broker outage drill").statusCode(201).extract().path("id");
        ArtemisResource.stopBroker();
        brokerStopped = true;
        String grant = Api.approve(BOB, request).statusCode(200).extract().path("grantId");
        JsonPath keys = credentials(grant);
        as(BOB).body(Map.of("reason", "drill over")).post("/api/v1/grants/" + grant + "/revoke")
                .then().statusCode(200).body("status", equalTo("REVOKED")).body("revocationVerified", equalTo(true));
        ArtemisResource.startAgain();
        brokerStopped = false;

        awaitOutboxDrained();
        long newAccessRows = accessRows() - accessRowsBefore;
        assertThat(newAccessRows).as("submitted, activated, credentials issued, revoked").isGreaterThanOrEqualTo(4);
        await().atMost(WAIT).untilAsserted(() -> assertThat(ArtemisResource.messageCount(LIFECYCLE_QUEUE))
                .isGreaterThanOrEqualTo(queuedBefore + newAccessRows));
        assertThat(ArtemisResource.messageCount(LIFECYCLE_QUEUE))
                .as("every access event of the flow reached lifecycle's queue exactly once")
                .isEqualTo(queuedBefore + newAccessRows);
        assertThat(Db.count("select count(*) from outbox_event where type = ? and subject = ?", REVOKED, grant))
                .isEqualTo(1);
        try (IamClient iam = client(keys)) {
            assertThatThrownBy(iam::listRoles).isInstanceOfSatisfying(IamException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @ParameterizedTest(name = "AssumeRole answering {0} {1}")
    @CsvSource({"throttle,400", "error,503", "error,500"})
    void credentialsFailWithAProblemWhileAssumeRoleFailsAndWorkOnceItRecovers(String type, int status) {
        String grant = Api.grantFor(ALICE, "prod-readonly");
        long issuedBefore = issued(grant);
        Faults.inject("sts:AssumeRole", type, status, 0);

        String body = as(ALICE).post("/api/v1/grants/" + grant + "/credentials").then()
                .statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:accessloop:problem:aws-refused"))
                .body("detail", startsWith("sts:AssumeRole")).extract().asString();

        assertThat(body).doesNotContain("SecretAccessKey").doesNotContain("SessionToken");
        assertThat(issued(grant)).as("no credentials.issued event for a failed issue").isEqualTo(issuedBefore);
        as(ALICE).get("/api/v1/grants/" + grant).then().body("status", equalTo("ACTIVE"));

        Faults.clear();
        JsonPath keys = credentials(grant);
        try (IamClient iam = client(keys)) {
            assertThat(iam.listRoles().roles()).isNotEmpty();
        }
        assertThat(issued(grant)).isEqualTo(issuedBefore + 1);
    }

    @Test
    void aSlowAssumeRoleStillIssuesWorkingCredentials() {
        String grant = Api.grantFor(ALICE, "prod-readonly");
        Faults.inject("sts:AssumeRole", "latency", 200, 1500);

        JsonPath keys = credentials(grant);

        try (IamClient iam = client(keys)) {
            assertThat(iam.listRoles().roles()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "PutRolePolicy answering {0} {1}")
    @CsvSource({"throttle,400", "error,503", "error,500"})
    void aRevokeThatCannotWriteTheDenyLeavesTheGrantActiveAndSucceedsOnRetry(String type, int status) {
        String grant = Api.grantFor(ALICE, "prod-readonly");
        JsonPath keys = credentials(grant);
        Faults.inject("iam:PutRolePolicy", type, status, 0);

        as(BOB).body(Map.of("reason", "incident")).post("/api/v1/grants/" + grant + "/revoke").then()
                .statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:accessloop:problem:aws-refused"));

        as(ALICE).get("/api/v1/grants/" + grant).then().body("status", equalTo("ACTIVE"));
        assertThat(Db.count("select count(*) from outbox_event where type = ? and subject = ?", REVOKED, grant))
                .as("no revoked event for a revocation that did not happen").isZero();

        Faults.clear();
        as(BOB).body(Map.of("reason", "incident")).post("/api/v1/grants/" + grant + "/revoke").then()
                .statusCode(200).body("status", equalTo("REVOKED")).body("revocationVerified", equalTo(true));
        assertThat(Db.count("select count(*) from outbox_event where type = ? and subject = ?", REVOKED, grant))
                .isEqualTo(1);
        try (IamClient iam = client(keys)) {
            assertThatThrownBy(iam::listRoles).isInstanceOfSatisfying(IamException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        as(BOB).body(Map.of("reason", "again")).post("/api/v1/grants/" + grant + "/revoke").then()
                .statusCode(409);
    }

    private static void awaitOutboxDrained() {
        await().atMost(WAIT).until(() -> Db.count("select count(*) from outbox_event where sent_at is null") == 0);
    }

    private static long accessRows() {
        return Db.count("select count(*) from outbox_event where address = 'accessloop.access'");
    }

    private static long issued(String grant) {
        return Db.count("select count(*) from outbox_event where type = 'io.accessloop.access.credentials.issued.v1'"
                + " and envelope like ?", "%" + grant + "%");
    }

    private static JsonPath credentials(String grant) {
        return as(ALICE).post("/api/v1/grants/" + grant + "/credentials").then().statusCode(200).extract().jsonPath();
    }

    private static IamClient client(JsonPath keys) {
        return SandboxAccount.iamWith(keys.getString("AccessKeyId"), keys.getString("SecretAccessKey"),
                keys.getString("SessionToken"));
    }
}
