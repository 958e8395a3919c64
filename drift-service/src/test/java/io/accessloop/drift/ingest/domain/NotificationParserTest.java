package io.accessloop.drift.ingest.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.Samples;
import io.accessloop.drift.inventory.domain.ConfigItemMapper;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.ResourceType;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationParserTest {

    private final NotificationParser parser = new NotificationParser(new ObjectMapper());

    @Test
    void anEventBridgeConfigChangeBecomesARoleSnapshotWithDecodedDocuments() {
        Notification n = parser.parse(Samples.load("eventbridge-config-item-change-role.json").toString());
        assertThat(n).isInstanceOf(Notification.ConfigItemChange.class);
        assertThat(n.sourceId()).isEqualTo("5b1a7c9e-0f3d-4f6e-9a2b-1c2d3e4f5a60");
        IamSnapshot role = ConfigItemMapper.map(((Notification.ConfigItemChange) n).configurationItem()).orElseThrow();
        assertThat(((Notification.ConfigItemChange) n).snapshot()).as("mapped once, while checking").isEqualTo(role);
        assertThat(role.type()).isEqualTo(ResourceType.ROLE);
        assertThat(role.trustPolicy()).startsWith("{\"Version\":\"2012-10-17\"").contains("sts:SetSourceIdentity");
        assertThat(role.inlinePolicies()).singleElement().satisfies(p -> assertThat(p.document()).contains("s3:GetObject"));
        assertThat(role.attachedPolicies()).extracting(a -> a.arn()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(role.tags()).containsEntry("accessloop:managed", "true").containsEntry("team", "payments");
        assertThat(role.capturedAt()).isEqualTo(Instant.parse("2026-12-04T09:15:00.123Z"));
        assertThat(role.stateId()).isEqualTo(1764839700123L);
    }

    @Test
    void anSnsWrappedConfigMessageUsesTheSnsMessageId() {
        Notification n = parser.parse(Samples.load("sns-config-item-change-user.json").toString());
        assertThat(n).isInstanceOf(Notification.ConfigItemChange.class);
        assertThat(n.sourceId()).isEqualTo("2f7e5c0a-6b1d-5c3e-8f9a-0b1c2d3e4f50");
        IamSnapshot user = ConfigItemMapper.map(((Notification.ConfigItemChange) n).configurationItem()).orElseThrow();
        assertThat(user.groups()).containsExactly("developers");
        assertThat(user.arn()).isEqualTo("arn:aws:iam::000000000000:user/humans/legacy-admin");
    }

    @Test
    void eventBridgeInsideSnsKeepsTheEventBridgeId() {
        ObjectNode inner = Samples.load("eventbridge-cloudtrail-attach-role-policy.json");
        Notification n = parser.parse(Samples.sns(inner).toString());
        assertThat(n).isInstanceOf(Notification.ApiCallRecorded.class);
        assertThat(n.sourceId()).isEqualTo(inner.get("id").asText());
        assertThat(n.kind()).isEqualTo("cloudtrail");
    }

    @Test
    void anOversizedNotificationIsAPointerToFetch() {
        Notification n = parser.parse(Samples.load("eventbridge-config-oversized-policy.json").toString());
        assertThat(n).isInstanceOfSatisfying(Notification.OversizedConfigItemChange.class, o -> {
            assertThat(o.resourceType()).isEqualTo("AWS::IAM::Policy");
            assertThat(o.resourceId()).isEqualTo("ANPAQXAMPLEBIGPOLICY1");
        });
    }

    @Test
    void otherResourceTypesAndDetailTypesAreIgnored() {
        assertThat(parser.parse(Samples.load("eventbridge-config-item-change-security-group.json").toString()))
                .isInstanceOf(Notification.Ignored.class);
        ObjectNode other = Samples.load("eventbridge-config-item-change-role.json").put("detail-type", "EC2 Instance State-change Notification");
        assertThat(parser.parse(other.toString())).isInstanceOf(Notification.Ignored.class);
    }

    @Test
    void malformedMessagesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> parser.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse("[1]")).hasMessageContaining("object");
        ObjectNode noId = Samples.load("eventbridge-config-item-change-role.json");
        noId.remove("id");
        assertThatThrownBy(() -> parser.parse(noId.toString())).hasMessageContaining("id is required");
        ObjectNode badAccount = Samples.load("eventbridge-config-item-change-role.json").put("account", "12");
        assertThatThrownBy(() -> parser.parse(badAccount.toString())).hasMessageContaining("12 digits");
        for (String account : new String[] {"00000000000a", "0000000000000", "00000000000 ", "０００００００００００"}) {
            ObjectNode notDigits = Samples.load("eventbridge-config-item-change-role.json").put("account", account);
            assertThatThrownBy(() -> parser.parse(notDigits.toString())).as(account).hasMessageContaining("12 digits");
        }
        ObjectNode noUser = Samples.load("eventbridge-cloudtrail-attach-role-policy.json");
        ((ObjectNode) noUser.get("detail")).remove("userIdentity");
        assertThatThrownBy(() -> parser.parse(noUser.toString())).hasMessageContaining("userIdentity");
        ObjectNode configWithoutSns = (ObjectNode) new ObjectMapper().createObjectNode().put("messageType",
                "ConfigurationItemChangeNotification");
        assertThatThrownBy(() -> parser.parse(configWithoutSns.toString())).hasMessageContaining("SNS");
    }
}
