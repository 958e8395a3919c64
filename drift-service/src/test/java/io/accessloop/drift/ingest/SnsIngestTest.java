package io.accessloop.drift.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.Api;
import io.accessloop.drift.Samples;
import io.accessloop.drift.SnsSigner;
import io.accessloop.drift.SnsTestAuthority;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * SNS HTTPS subscriptions: signed notifications (both signature versions) are accepted, anything unsigned, tampered
 * or signed with a certificate from a host not on the allow-list is refused and stores nothing; subscription
 * confirmations are confirmed by fetching SubscribeURL, only on an allowed host.
 */
@QuarkusTest
class SnsIngestTest {

    @Inject
    Pool pool;

    private static String base() {
        return System.getProperty(SnsTestAuthority.BASE_URL);
    }

    private static ObjectNode notification() {
        return Samples.sns(Samples.roleChange("sns-" + UUID.randomUUID().toString().substring(0, 8), Instant.now(), 1));
    }

    @Test
    void notificationsSignedWithEitherSignatureVersionAreAcceptedAndTheCertificateIsFetchedOnce() {
        ObjectNode v1 = SnsSigner.sign(notification(), "1", base() + SnsTestAuthority.CERT_PATH);
        String raw = Api.push(v1).statusCode(202).body("status", equalTo("accepted"))
                .body("rawEventId", startsWith("evt_")).extract().path("rawEventId");
        assertThat(count("select count(*) from raw_event where id = '" + raw + "'")).isEqualTo(1);
        ObjectNode v2 = SnsSigner.signed(notification().put("Subject", "AWS Config change"));
        Api.push(v2).statusCode(202).body("status", equalTo("accepted"));
        Api.push(v2).statusCode(202).body("status", equalTo("duplicate"));
        assertThat(served().get(SnsTestAuthority.CERT_PATH)).isEqualTo(1);
    }

    @Test
    void unsignedTamperedAndForeignCertificateMessagesAreRefusedAndNothingIsStored() {
        long before = count("select count(*) from raw_event");
        ObjectNode unsigned = notification();
        unsigned.remove(java.util.List.of("Signature", "SignatureVersion", "SigningCertURL"));
        Api.push(unsigned).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:accessloop:problem:sns-unsigned"));

        ObjectNode tampered = SnsSigner.signed(notification());
        tampered.put("Message", tampered.get("Message").asText() + " ");
        Api.push(tampered).statusCode(403).body("type", equalTo("urn:accessloop:problem:sns-signature-invalid"));
        Api.push(SnsSigner.signed(notification()).put("Signature", "EXAMPLEpH+..")).statusCode(403)
                .body("type", equalTo("urn:accessloop:problem:sns-signature-invalid"));
        ObjectNode otherTopic = SnsSigner.signed(notification()).put("TopicArn", "arn:aws:sns:us-east-1:1:other");
        Api.push(otherTopic).statusCode(403).body("type", equalTo("urn:accessloop:problem:sns-signature-invalid"));

        String port = base().substring(base().lastIndexOf(':'));
        for (String certUrl : java.util.List.of("https://127.0.0.1" + port + SnsTestAuthority.CERT_PATH,
                "http://localhost" + port + SnsTestAuthority.CERT_PATH,
                "https://user@localhost" + port + SnsTestAuthority.CERT_PATH,
                "https://sns.us-east-1.amazonaws.com.evil.example" + SnsTestAuthority.CERT_PATH)) {
            Api.push(SnsSigner.sign(notification(), "2", certUrl)).statusCode(403)
                    .body("type", equalTo("urn:accessloop:problem:sns-certificate-refused"));
        }
        Api.push(SnsSigner.sign(notification(), "2", base() + "/not-a-certificate.pem")).statusCode(403)
                .body("type", equalTo("urn:accessloop:problem:sns-certificate-refused"));
        Api.push(SnsSigner.sign(notification(), "3", base() + SnsTestAuthority.CERT_PATH)).statusCode(400)
                .body("type", equalTo("urn:accessloop:problem:malformed-notification"));
        given().contentType("application/json").body(SnsSigner.signed(notification()).toString())
                .post("/ingest/aws/events").then().statusCode(401);
        assertThat(count("select count(*) from raw_event")).isEqualTo(before);
    }

    @Test
    void aSignedSubscriptionConfirmationIsConfirmedOnlyOnAnAllowedHost() {
        long before = count("select count(*) from raw_event");
        int confirmed = served().getOrDefault("/confirm", 0);
        String port = base().substring(base().lastIndexOf(':'));
        Api.push(SnsSigner.signed(confirmation("https://127.0.0.1" + port + "/confirm"))).statusCode(403)
                .body("type", equalTo("urn:accessloop:problem:sns-subscribe-url-refused"));
        assertThat(served().getOrDefault("/confirm", 0)).isEqualTo(confirmed);

        Api.push(SnsSigner.signed(confirmation(base() + "/confirm"))).statusCode(200)
                .body("status", equalTo("subscription-confirmed"));
        assertThat(served().get("/confirm")).isEqualTo(confirmed + 1);

        ObjectNode unsubscribe = confirmation(base() + "/confirm").put("Type", "UnsubscribeConfirmation");
        Api.push(SnsSigner.signed(unsubscribe)).statusCode(200).body("status", equalTo("ignored"));
        ObjectNode forged = SnsSigner.signed(confirmation(base() + "/confirm"));
        forged.put("SubscribeURL", base() + "/confirm?Token=other");
        Api.push(forged).statusCode(403).body("type", equalTo("urn:accessloop:problem:sns-signature-invalid"));
        assertThat(served().get("/confirm")).isEqualTo(confirmed + 1);
        assertThat(count("select count(*) from raw_event")).isEqualTo(before);
    }

    private static ObjectNode confirmation(String subscribeUrl) {
        ObjectNode message = Samples.JSON.createObjectNode();
        message.put("Type", "SubscriptionConfirmation");
        message.put("MessageId", UUID.randomUUID().toString());
        message.put("Token", "2336412f37fb687f5d51e6e2425c464de");
        message.put("TopicArn", "arn:aws:sns:us-east-1:000000000000:config-topic");
        message.put("Message", "You have chosen to subscribe to the topic. To confirm, visit the SubscribeURL.");
        message.put("SubscribeURL", subscribeUrl + "?Action=ConfirmSubscription&Token=2336412f37fb687f5d51e6e2425c464de");
        message.put("Timestamp", Instant.now().toString());
        return message;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> served() {
        return given().relaxedHTTPSValidation().get(base() + "/_requests").then().statusCode(200).extract()
                .as(Map.class);
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
