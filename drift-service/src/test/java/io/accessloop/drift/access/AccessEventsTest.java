package io.accessloop.drift.access;

import io.accessloop.contracts.Addresses;
import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.access.GrantRevoked;
import io.accessloop.drift.Api;
import io.accessloop.drift.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.mutiny.amqp.AmqpClient;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The broker's access events tell drift which roles it manages and which revocation-policy writes are its own. */
@QuarkusTest
class AccessEventsTest {

    @Inject
    Vertx vertx;

    @Test
    void aRevocationPolicyWrittenRightAfterTheBrokerRevokedIsNotDriftAndTheRoleBecomesManaged() {
        String role = "granted-" + UUID.randomUUID().toString().substring(0, 8);
        String arn = "arn:aws:iam::000000000000:role/" + role;
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
        var first = Samples.roleChange(role, t0, 1);
        Samples.unmanage(first);
        Api.push(first).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> !Api.get(Api.auditor(),
                "/api/v1/inventory/principals?name=" + role).extract().jsonPath().getList("items").isEmpty());

        publish(new GrantRevoked("grt_" + UUID.randomUUID(), "bob@example.com", "payments-read", arn,
                "lifecycle-service", "offboarding", t0.plusSeconds(1), true));
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(Api.get(Api.auditor(),
                "/api/v1/inventory/principals?name=" + role).extract().path("items[0].managed")));

        var revoked = Samples.roleChange(role, t0.plusSeconds(2), 2);
        Samples.unmanage(revoked);
        Samples.putInline(revoked, "accessloop-revocations", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        Api.push(revoked).statusCode(202);
        var inlineOutsideAccessloop = Samples.roleChange(role, t0.plusSeconds(3), 3);
        Samples.unmanage(inlineOutsideAccessloop);
        Samples.putInline(inlineOutsideAccessloop, "accessloop-revocations", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        Samples.putInline(inlineOutsideAccessloop, "backdoor", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}");
        Api.push(inlineOutsideAccessloop).statusCode(202);

        String query = "/api/v1/findings?rule=out-of-band-change&principalArn=" + arn;
        await().atMost(Duration.ofSeconds(20)).until(() -> !Api.get(Api.security(), query).extract().jsonPath()
                .getList("items").isEmpty());
        assertThat(Api.get(Api.security(), query).extract().jsonPath().getList("items.summary", String.class))
                .singleElement().asString().contains("backdoor");
    }

    private void publish(GrantRevoked payload) {
        EventCodec codec = new EventCodec();
        CloudEvent event = CloudEvent.create(EventTypes.GRANT_REVOKED, "/broker-service", payload.grantId(), payload,
                Instant.now(), codec);
        var config = ConfigProvider.getConfig();
        AmqpClientOptions options = new AmqpClientOptions().setHost(config.getValue("amqp-host", String.class))
                .setPort(config.getValue("amqp-port", Integer.class));
        AmqpClient client = AmqpClient.create(vertx, options);
        try {
            client.createSender(Addresses.ACCESS).chain(sender -> sender.sendWithAck(
                            io.vertx.mutiny.amqp.AmqpMessage.newInstance(AmqpMessage.create().durable(true)
                                    .withBody(codec.encode(event)).build())))
                    .await().atMost(Duration.ofSeconds(10));
        } finally {
            client.closeAndAwait();
        }
    }
}
