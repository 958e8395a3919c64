package io.accessloop.broker.grant;

import io.accessloop.broker.SandboxAccount;
import io.accessloop.testsupport.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static io.accessloop.broker.Api.ALICE;
import static io.accessloop.broker.Api.BOB;
import static io.accessloop.broker.Api.approve;
import static io.accessloop.broker.Api.as;
import static io.accessloop.broker.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The whole flow against the aws-sandbox: request → approval → credentials → call → revoke → denied. */
@QuarkusTest
class AccessFlowTest {

    private final List<String> logLines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logLines) {
                logLines.add(record.getLoggerName() + " " + record.getMessage() + " "
                        + java.util.Arrays.toString(record.getParameters()) + " " + record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void prepare() {
        SandboxAccount.ensureRoles();
        java.util.logging.Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        java.util.logging.Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void approvedCredentialsWorkUntilRevokedAndAnOverlappingGrantKeepsWorking() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("entitlement", "prod-readonly", "reason", "investigate PAY-1", "durationSeconds", 3600);
        String requestId = as(ALICE).header("Idempotency-Key", key).body(body).post("/api/v1/requests")
                .then().statusCode(201).body("status", equalTo("PENDING"))
                .body("rule.requiredApprovals", equalTo(1)).extract().path("id");
        as(ALICE).header("Idempotency-Key", key).body(body).post("/api/v1/requests")
                .then().statusCode(201).body("id", equalTo(requestId));

        String first = approve(BOB, requestId).statusCode(200).body("status", equalTo("APPROVED"))
                .body("grantId", notNullValue()).extract().path("grantId");
        String second = approve(BOB, submit(ALICE, "prod-readonly", "second terminal").statusCode(201)
                .extract().path("id")).statusCode(200).extract().path("grantId");

        JsonPath firstKeys = credentials(first);
        JsonPath secondKeys = credentials(second);
        assertThat(firstKeys.getInt("Version")).isEqualTo(1);
        assertThat(Instant.parse(firstKeys.getString("Expiration"))).isBefore(Instant.now().plusSeconds(3601));
        try (IamClient firstClient = client(firstKeys); IamClient secondClient = client(secondKeys)) {
            assertThat(firstClient.listRoles().roles()).isNotEmpty();

            as(BOB).body(Map.of("reason", "done with the incident")).post("/api/v1/grants/" + first + "/revoke")
                    .then().statusCode(200).body("status", equalTo("REVOKED"))
                    .body("revocationVerified", equalTo(true));

            assertThatThrownBy(firstClient::listRoles).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorMessage()).contains("explicit deny");
            });
            assertThat(secondClient.listRoles().roles()).isNotEmpty();
        }

        as(ALICE).post("/api/v1/grants/" + first + "/credentials")
                .then().statusCode(422).body("type", equalTo("urn:accessloop:problem:grant-ended"));

        List<String> secrets = List.of(firstKeys.getString("SecretAccessKey"), firstKeys.getString("SessionToken"),
                secondKeys.getString("SecretAccessKey"), secondKeys.getString("SessionToken"));
        List<String> envelopes = outboxEnvelopes();
        assertThat(envelopes).anyMatch(e -> e.contains("io.accessloop.access.credentials.issued.v1")
                && e.contains(firstKeys.getString("AccessKeyId")));
        assertThat(envelopes).anyMatch(e -> e.contains("io.accessloop.access.grant.revoked.v1") && e.contains(first));
        synchronized (logLines) {
            assertThat(logLines).as("the log capture sees the broker's own lines")
                    .anyMatch(line -> line.contains("in place and verified"));
        }
        for (String secret : secrets) {
            assertThat(envelopes).noneMatch(e -> e.contains(secret));
            synchronized (logLines) {
                assertThat(logLines).noneMatch(line -> line.contains(secret));
            }
        }
    }

    @Test
    void consoleSignInGoesThroughTheFederationEndpoint() {
        String grant = io.accessloop.broker.Api.grantFor(ALICE, "prod-readonly");

        String url = as(ALICE).get("/api/v1/grants/" + grant + "/console")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .extract().path("url");

        assertThat(url).contains("/federation?Action=login").contains("SigninToken=").contains("Destination=");
        assertThat(url).doesNotContain("sessionKey");
    }

    @Test
    void envFormatExportsTheKeys() {
        String grant = io.accessloop.broker.Api.grantFor(ALICE, "prod-readonly");

        String text = as(ALICE).post("/api/v1/grants/" + grant + "/credentials?format=env")
                .then().statusCode(200).extract().asString();

        assertThat(text).contains("export AWS_ACCESS_KEY_ID=").contains("export AWS_SECRET_ACCESS_KEY=")
                .contains("export AWS_SESSION_TOKEN=");
    }

    @Test
    void releasingAGrantDeniesItsSessions() {
        String grant = io.accessloop.broker.Api.grantFor(ALICE, "prod-readonly");
        JsonPath keys = credentials(grant);

        as(ALICE).post("/api/v1/grants/" + grant + "/release").then().statusCode(200)
                .body("status", equalTo("RELEASED")).body("revocationVerified", equalTo(true));

        try (IamClient client = client(keys)) {
            assertThatThrownBy(client::listRoles).isInstanceOf(IamException.class);
        }
    }

    private static JsonPath credentials(String grant) {
        return as(ALICE).post("/api/v1/grants/" + grant + "/credentials")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().jsonPath();
    }

    private static IamClient client(JsonPath keys) {
        return SandboxAccount.iamWith(keys.getString("AccessKeyId"), keys.getString("SecretAccessKey"),
                keys.getString("SessionToken"));
    }

    static List<String> outboxEnvelopes() throws SQLException {
        PostgresResource.Server server = PostgresResource.server();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port()
                + "/broker", server.user(), server.password());
             ResultSet rows = c.createStatement().executeQuery("select envelope from outbox_event")) {
            List<String> out = new ArrayList<>();
            while (rows.next()) {
                out.add(rows.getString(1));
            }
            return out;
        }
    }
}
