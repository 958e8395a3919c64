package io.accessloop.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.accessloop.sandbox.config.NotificationTarget;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationItem;
import software.amazon.awssdk.services.config.model.ConfigurationItemStatus;
import software.amazon.awssdk.services.config.model.InvalidLimitException;
import software.amazon.awssdk.services.config.model.ResourceKey;
import software.amazon.awssdk.services.config.model.ResourceNotDiscoveredException;
import software.amazon.awssdk.services.config.model.ResourceType;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class AwsConfigTest extends SandboxTestBase {

    @Test
    void iamChangesBecomeConfigurationItemsWithHistory() throws Exception {
        String roleId = iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(trustAccount())).role().roleId();
        iam.putRolePolicy(r -> r.roleName("app").policyName("read").policyDocument(allow("s3:GetObject", "*")));
        iam.tagRole(r -> r.roleName("app").tags(software.amazon.awssdk.services.iam.model.Tag.builder().key("team")
                .value("red").build()));
        try (ConfigClient config = AwsClients.config(AwsClients.ROOT)) {
            List<ConfigurationItem> history = config.getResourceConfigHistory(r -> r.resourceType(ResourceType.AWS_IAM_ROLE)
                    .resourceId(roleId)).configurationItems();
            assertThat(history).hasSize(3);
            ConfigurationItem latest = history.get(0);
            assertThat(latest.configurationItemStatus()).isEqualTo(ConfigurationItemStatus.OK);
            assertThat(history.get(2).configurationItemStatus()).isEqualTo(ConfigurationItemStatus.RESOURCE_DISCOVERED);
            assertThat(latest.resourceName()).isEqualTo("app");
            assertThat(latest.arn()).isEqualTo("arn:aws:iam::000000000000:role/app");
            assertThat(latest.tags()).containsEntry("team", "red");
            JsonNode configuration = new ObjectMapper().readTree(latest.configuration());
            assertThat(configuration.path("rolePolicyList").get(0).path("policyName").asText()).isEqualTo("read");
            assertThat(URLDecoder.decode(configuration.path("rolePolicyList").get(0).path("policyDocument").asText(),
                    StandardCharsets.UTF_8)).contains("s3:GetObject");
            assertThat(URLDecoder.decode(configuration.path("assumeRolePolicyDocument").asText(),
                    StandardCharsets.UTF_8)).contains("sts:AssumeRole");

            var forward = config.getResourceConfigHistory(r -> r.resourceType(ResourceType.AWS_IAM_ROLE)
                    .resourceId(roleId).chronologicalOrder("Forward").limit(1));
            assertThat(forward.configurationItems().get(0).configurationItemStatus())
                    .isEqualTo(ConfigurationItemStatus.RESOURCE_DISCOVERED);
            assertThat(forward.nextToken()).isNotNull();

            iam.deleteRolePolicy(r -> r.roleName("app").policyName("read"));
            iam.deleteRole(r -> r.roleName("app"));
            assertThat(config.getResourceConfigHistory(r -> r.resourceType(ResourceType.AWS_IAM_ROLE)
                    .resourceId(roleId)).configurationItems().get(0).configurationItemStatus())
                    .isEqualTo(ConfigurationItemStatus.RESOURCE_DELETED);
            assertThat(config.listDiscoveredResources(r -> r.resourceType(ResourceType.AWS_IAM_ROLE))
                    .resourceIdentifiers()).isEmpty();
            assertThat(config.listDiscoveredResources(r -> r.resourceType(ResourceType.AWS_IAM_ROLE)
                    .includeDeletedResources(true)).resourceIdentifiers()).hasSize(1);

            assertThatThrownBy(() -> config.getResourceConfigHistory(r -> r.resourceType(ResourceType.AWS_IAM_USER)
                    .resourceId("AIDANOPE"))).isInstanceOf(ResourceNotDiscoveredException.class);
            assertThatThrownBy(() -> config.listDiscoveredResources(r -> r.resourceType(ResourceType.AWS_IAM_USER)
                    .limit(500))).isInstanceOf(InvalidLimitException.class);
        }
    }

    @Test
    void discoversAndBatchGetsUsersGroupsAndPolicies() {
        String userId = iam.createUser(r -> r.userName("alice")).user().userId();
        String groupId = iam.createGroup(r -> r.groupName("devs")).group().groupId();
        var policy = iam.createPolicy(r -> r.policyName("p").policyDocument(allow("s3:*", "*"))).policy();
        iam.attachUserPolicy(r -> r.userName("alice").policyArn(policy.arn()));
        try (ConfigClient config = AwsClients.config(AwsClients.ROOT)) {
            assertThat(config.listDiscoveredResources(r -> r.resourceType(ResourceType.AWS_IAM_USER))
                    .resourceIdentifiers()).extracting(id -> id.resourceId()).containsExactly(userId);
            var batch = config.batchGetResourceConfig(r -> r.resourceKeys(
                    ResourceKey.builder().resourceType(ResourceType.AWS_IAM_USER).resourceId(userId).build(),
                    ResourceKey.builder().resourceType(ResourceType.AWS_IAM_GROUP).resourceId(groupId).build(),
                    ResourceKey.builder().resourceType(ResourceType.AWS_IAM_POLICY).resourceId(policy.policyId()).build()));
            assertThat(batch.baseConfigurationItems()).hasSize(3);
            assertThat(batch.baseConfigurationItems()).filteredOn(i -> i.resourceType() == ResourceType.AWS_IAM_POLICY)
                    .singleElement().satisfies(i -> assertThat(i.configuration()).contains("\"attachmentCount\":1")
                            .contains("policyVersionList"));
        }
    }

    @Test
    void changesArePushedAsEventBridgeEventsWithTheConfiguredHeader() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> keys = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/events", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            keys.add(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        try {
            sandbox.notifier().add(new NotificationTarget("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/events", "X-Api-Key", "secret-key"));
            iam.createUser(r -> r.userName("bob"));
            iam.putUserPolicy(r -> r.userName("bob").policyName("p").policyDocument(allow("s3:*", "*")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (bodies.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(bodies).hasSize(2);
            assertThat(keys).containsOnly("secret-key");
            JsonNode update = new ObjectMapper().readTree(bodies.get(1));
            assertThat(update.path("detail-type").asText()).isEqualTo("Config Configuration Item Change");
            assertThat(update.path("source").asText()).isEqualTo("aws.config");
            JsonNode detail = update.path("detail");
            assertThat(detail.path("messageType").asText()).isEqualTo("ConfigurationItemChangeNotification");
            assertThat(detail.path("configurationItemDiff").path("changeType").asText()).isEqualTo("UPDATE");
            assertThat(detail.path("configurationItemDiff").path("changedProperties")
                    .has("Configuration.userPolicyList")).isTrue();
            JsonNode item = detail.path("configurationItem");
            assertThat(item.path("resourceType").asText()).isEqualTo("AWS::IAM::User");
            assertThat(item.path("configurationItemStatus").asText()).isEqualTo("OK");
            assertThat(item.path("configuration").path("userName").asText()).isEqualTo("bob");
            assertThat(new ObjectMapper().readTree(bodies.get(0)).path("detail").path("configurationItemDiff")
                    .path("changeType").asText()).isEqualTo("CREATE");
        } finally {
            sandbox.notifier().clear();
            server.stop(0);
        }
    }
}
