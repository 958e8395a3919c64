package io.accessloop.drift.ingest.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnsMessageTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode notification() {
        return JSON.createObjectNode().put("Type", "Notification").put("MessageId", "m-1")
                .put("TopicArn", "arn:aws:sns:us-east-1:000000000000:t").put("Message", "{\"a\":1}")
                .put("Timestamp", "2026-12-04T09:00:00.000Z").put("SignatureVersion", "1")
                .put("Signature", "AAAA").put("SigningCertURL", "https://sns.us-east-1.amazonaws.com/c.pem");
    }

    @Test
    void theStringToSignOfANotificationListsItsFieldsInOrderAndSubjectOnlyWhenPresent() {
        assertThat(SnsMessage.from(notification()).stringToSign()).isEqualTo("Message\n{\"a\":1}\nMessageId\nm-1\n"
                + "Timestamp\n2026-12-04T09:00:00.000Z\nTopicArn\narn:aws:sns:us-east-1:000000000000:t\nType\nNotification\n");
        assertThat(SnsMessage.from(notification().put("Subject", "hi")).stringToSign())
                .contains("MessageId\nm-1\nSubject\nhi\nTimestamp\n");
    }

    @Test
    void theStringToSignOfAConfirmationCoversTheSubscribeUrlAndToken() {
        ObjectNode confirmation = notification().put("Type", "SubscriptionConfirmation").put("Token", "tok")
                .put("SubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=tok");
        assertThat(SnsMessage.from(confirmation).stringToSign()).isEqualTo("Message\n{\"a\":1}\nMessageId\nm-1\n"
                + "SubscribeURL\nhttps://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=tok\n"
                + "Timestamp\n2026-12-04T09:00:00.000Z\nToken\ntok\nTopicArn\narn:aws:sns:us-east-1:000000000000:t\n"
                + "Type\nSubscriptionConfirmation\n");
        assertThatThrownBy(() -> SnsMessage.from(notification().put("Type", "SubscriptionConfirmation")))
                .hasMessageContaining("Token");
    }

    @Test
    void signatureVersionsMapToTheirAlgorithms() {
        assertThat(SnsMessage.from(notification()).algorithm()).isEqualTo("SHA1withRSA");
        assertThat(SnsMessage.from(notification().put("SignatureVersion", "2")).algorithm()).isEqualTo("SHA256withRSA");
        assertThatThrownBy(() -> SnsMessage.from(notification().put("SignatureVersion", "3")).algorithm())
                .isInstanceOf(MalformedNotificationException.class);
        assertThat(SnsMessage.from(notification().without("Signature")).signed()).isFalse();
        assertThat(SnsMessage.from(notification().put("Signature", "not base64!")).signature()).isEmpty();
        assertThatThrownBy(() -> SnsMessage.from(notification().put("Type", "Other"))).hasMessageContaining("Other");
    }

    @Test
    void onlyHttpsUrlsOnAllowListedHostsAreFetched() {
        HostAllowList hosts = new HostAllowList(List.of("sns.*.amazonaws.com"));
        assertThat(hosts.allows(URI.create("https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem")))
                .isTrue();
        assertThat(hosts.allows(URI.create("https://SNS.us-east-1.amazonaws.com/c.pem"))).isTrue();
        for (String refused : List.of("http://sns.eu-west-1.amazonaws.com/c.pem",
                "https://sns.amazonaws.com/c.pem", "https://sns.a.b.amazonaws.com/c.pem",
                "https://sns.eu-west-1.amazonaws.com.evil.example/c.pem", "https://evil.example/sns.eu-west-1.amazonaws.com",
                "https://user@sns.eu-west-1.amazonaws.com/c.pem", "https://snsXeu-west-1.amazonaws.com/c.pem")) {
            assertThat(hosts.allows(URI.create(refused))).as(refused).isFalse();
        }
    }
}
