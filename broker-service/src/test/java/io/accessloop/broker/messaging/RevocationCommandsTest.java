package io.accessloop.broker.messaging;

import io.accessloop.broker.Api;
import io.accessloop.broker.Db;
import io.accessloop.broker.SandboxAccount;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.command.RevokeGrant;
import io.accessloop.contracts.command.RevokeIdentity;
import io.accessloop.contracts.identity.IdentityOffboarded;
import io.accessloop.kit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.accessloop.broker.Api.ALICE;
import static io.accessloop.broker.Api.DAVE;
import static io.accessloop.broker.Api.ERIN;
import static io.accessloop.broker.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Commands from lifecycle-service and identity events travel over the real AMQP broker: they are appended to an
 * outbox (as lifecycle-service does), relayed to Artemis and consumed through the broker's inbox.
 */
@QuarkusTest
class RevocationCommandsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    EventCodec codec;

    @Inject
    BrokerCommandConsumer commands;

    @BeforeEach
    void roles() {
        SandboxAccount.ensureRoles();
    }

    private <T> void publish(io.accessloop.contracts.EventType<T> type, String subject, T payload) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.append(type, subject, payload)));
    }

    private static JsonPath credentials(String person, String grant) {
        return as(person).post("/api/v1/grants/" + grant + "/credentials").then().statusCode(200).extract().jsonPath();
    }

    private static IamClient client(JsonPath keys) {
        return SandboxAccount.iamWith(keys.getString("AccessKeyId"), keys.getString("SecretAccessKey"),
                keys.getString("SessionToken"));
    }

    private static String status(String person, String grant) {
        return as(person).get("/api/v1/grants/" + grant).then().extract().path("status");
    }

    @Test
    void anExpiryCommandEndsTheGrantAndDeniesItsSessions() throws Throwable {
        String grant = Api.grantFor(ALICE, "prod-readonly");
        JsonPath keys = credentials(ALICE, grant);

        publish(EventTypes.REVOKE_GRANT, grant, new RevokeGrant(grant, "expired", "lifecycle-service"));

        await().atMost(WAIT).until(() -> "EXPIRED".equals(status(ALICE, grant)));
        try (IamClient iam = client(keys)) {
            assertThatThrownBy(iam::listRoles).isInstanceOfSatisfying(IamException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        assertThat(Db.count("select count(*) from outbox_event where type = 'io.accessloop.access.grant.expired.v1' "
                + "and subject = ?", grant)).isEqualTo(1);
        as(ALICE).post("/api/v1/grants/" + grant + "/credentials").then().statusCode(422);
    }

    @Test
    void revokingAPersonEndsEveryGrantCancelsPendingRequestsAndDeniesEarlierSessions() throws Throwable {
        String readonly = Api.grantFor(DAVE, "prod-readonly");
        String oncall = Api.grantFor(DAVE, "prod-oncall");
        String pending = as(DAVE).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("entitlement", "prod-admin", "reason", "later", "ticket", "OPS-7"))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        JsonPath readonlyKeys = credentials(DAVE, readonly);
        JsonPath oncallKeys = credentials(DAVE, oncall);
        Thread.sleep(1100);

        publish(EventTypes.REVOKE_IDENTITY, DAVE, new RevokeIdentity(DAVE, "offboarding", "lifecycle-service", "case_1"));

        await().atMost(WAIT).until(() -> "REVOKED".equals(status(DAVE, readonly)) && "REVOKED".equals(status(DAVE, oncall)));
        as(DAVE).get("/api/v1/requests/" + pending).then().body("status", equalTo("CANCELLED"));
        as(DAVE).get("/api/v1/grants/" + oncall).then().body("revocationVerified", equalTo(true))
                .body("endReason", equalTo("offboarding"));
        try (IamClient a = client(readonlyKeys); IamClient b = client(oncallKeys)) {
            assertThatThrownBy(a::listRoles).isInstanceOf(IamException.class);
            assertThatThrownBy(b::listRoles).isInstanceOf(IamException.class);
        }
        assertThat(Db.count("select count(*) from revocation_entry where kind = 'IDENTITY' and subject = ?", DAVE))
                .isEqualTo(2);
    }

    @Test
    void anOffboardedIdentityEventEndsThePersonsAccess() throws Throwable {
        String grant = Api.grantFor(ERIN, "prod-readonly");

        publish(EventTypes.OFFBOARDED, ERIN, new IdentityOffboarded("case_2", ERIN, null, Instant.now()));

        await().atMost(WAIT).until(() -> "REVOKED".equals(status(ERIN, grant)));
        as(ERIN).get("/api/v1/grants/" + grant).then().body("endReason", equalTo("offboarded"))
                .body("endedBy", equalTo("lifecycle-service"));
    }

    @Test
    void aRedeliveredCommandIsAppliedOnce() throws Throwable {
        String grant = Api.grantFor(ALICE, "prod-readonly");
        CloudEvent event = CloudEvent.create(EventTypes.REVOKE_GRANT, "/lifecycle-service", grant,
                new RevokeGrant(grant, "manual", "sec@example.com"), Instant.now(), codec);
        String body = codec.encode(event);

        VertxContextSupport.subscribeAndAwait(() -> commands.onCommand(body));
        VertxContextSupport.subscribeAndAwait(() -> commands.onCommand(body));

        assertThat(status(ALICE, grant)).isEqualTo("REVOKED");
        assertThat(Db.count("select count(*) from inbox_event where event_id = ?", event.id())).isEqualTo(1);
        assertThat(Db.count("select count(*) from outbox_event where type = 'io.accessloop.access.grant.revoked.v1' "
                + "and subject = ?", grant)).isEqualTo(1);
    }
}
