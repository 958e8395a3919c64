package io.accessloop.deploy.containers;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.deploy.support.Repository;
import io.accessloop.deploy.support.ServiceConfig;
import io.accessloop.deploy.support.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/compose.yaml: the whole stack, with every variable one the services really read. */
class ComposeTest {

    static final Path COMPOSE = Repository.path("deploy/compose.yaml");
    static final JsonNode SERVICES = Yaml.document(COMPOSE).get("services");

    static Stream<String> modules() {
        return Repository.IMAGE_MODULES.stream();
    }

    @Test
    void theStackHoldsTheInfrastructureAndEveryImageModule() {
        List<String> names = new ArrayList<>();
        SERVICES.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsAll(Repository.IMAGE_MODULES).contains("postgres", "artemis", "keycloak");
        assertThat(SERVICES.at("/postgres/image").asText()).startsWith("postgres:17");
        assertThat(SERVICES.at("/artemis/image").asText()).startsWith("apache/activemq-artemis:");
        assertThat(SERVICES.at("/keycloak/image").asText()).startsWith("quay.io/keycloak/keycloak:");
    }

    @ParameterizedTest
    @MethodSource("modules")
    void eachModuleIsBuiltFromItsOwnJvmDockerfileAndNamedAfterIt(String module) {
        JsonNode service = SERVICES.get(module);
        Path context = COMPOSE.getParent().resolve(service.at("/build/context").asText()).normalize();
        assertThat(context).isEqualTo(Repository.path(module));
        assertThat(context.resolve(service.at("/build/dockerfile").asText())).isRegularFile();
        assertThat(service.get("image").asText()).startsWith("accessloop/" + module + ":");
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyEnvironmentVariableIsAConfigKeyTheModuleReads(String module) {
        ServiceConfig config = ServiceConfig.of(module);
        JsonNode env = SERVICES.get(module).get("environment");
        assertThat(env).as(module).isNotNull();
        env.fieldNames().forEachRemaining(name -> assertThat(
                config.readsEnv(name) || ServiceConfig.IMAGE_VARIABLES.contains(name))
                .as("%s sets %s, which %s does not read", COMPOSE.getFileName(), name, module)
                .isTrue());
        JsonNode opts = env.get("JAVA_OPTS_APPEND");
        if (opts != null) {
            assertThat(opts.asText()).as("run-java.sh takes JAVA_OPTS_APPEND whole: keep the image's flags")
                    .contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void theHealthCheckAndPublishedPortAreTheServicesPort(String module) {
        int port = DockerfilesTest.port(module);
        JsonNode service = SERVICES.get(module);
        assertThat(service.at("/healthcheck/test").toString()).contains("/dev/tcp/localhost/" + port)
                .contains("/q/health/ready");
        assertThat(service.get("ports").toString()).contains("\"" + port + ":" + port + "\"");
    }

    @Test
    void everyMountedFileAndEveryDependencyExists() {
        SERVICES.fields().forEachRemaining(e -> {
            for (JsonNode volume : e.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(COMPOSE.getParent().resolve(source).normalize()).as(e.getKey() + " mounts " + source).exists();
                }
            }
            e.getValue().path("depends_on").fieldNames().forEachRemaining(dependency ->
                    assertThat(SERVICES.has(dependency)).as(e.getKey() + " depends on " + dependency).isTrue());
        });
    }

    @Test
    void theServicesUseTheDatabasesTheInitScriptCreatesAndTheBrokersUser() {
        String init = Repository.read("deploy/compose/postgres/10-accessloop-databases.sql");
        for (String module : List.of("broker-service", "drift-service", "lifecycle-service")) {
            JsonNode env = SERVICES.get(module).get("environment");
            String jdbc = env.get("QUARKUS_DATASOURCE_JDBC_URL").asText();
            String database = jdbc.substring(jdbc.lastIndexOf('/') + 1);
            assertThat(init).contains("CREATE DATABASE " + database + " OWNER " + env.get("QUARKUS_DATASOURCE_USERNAME").asText());
            assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_URL").asText()).endsWith("/" + database);
            assertThat(env.get("AMQP_USERNAME").asText()).isEqualTo(SERVICES.at("/artemis/environment/ARTEMIS_USER").asText());
            assertThat(env.get("AMQP_PASSWORD").asText()).isEqualTo(SERVICES.at("/artemis/environment/ARTEMIS_PASSWORD").asText());
        }
    }

    @Test
    void tokensAreCheckedAgainstTheIssuerKeycloakAdvertisesToBrowsers() {
        String realm = Yaml.document(Repository.path("deploy/keycloak/accessloop-realm.json")).get("realm").asText();
        String issuer = SERVICES.at("/keycloak/environment/KC_HOSTNAME").asText() + "/realms/" + realm;
        for (String module : Repository.SERVICES) {
            JsonNode env = SERVICES.get(module).get("environment");
            assertThat(env.get("QUARKUS_OIDC_TOKEN_ISSUER").asText()).as(module).isEqualTo(issuer);
            assertThat(env.get("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).as(module)
                    .isEqualTo("http://keycloak:8080/realms/" + realm);
        }
    }

    @Test
    void thePortalSignsInWithTheRealmsClientAndCallsTheServicesByName() {
        JsonNode env = SERVICES.get("portal").get("environment");
        JsonNode realm = Yaml.document(Repository.path("deploy/keycloak/accessloop-realm.json"));
        String clientId = env.get("QUARKUS_OIDC_CLIENT_ID").asText();
        JsonNode client = null;
        for (JsonNode c : realm.get("clients")) {
            if (c.get("clientId").asText().equals(clientId)) {
                client = c;
            }
        }
        assertThat(client).as("client " + clientId + " in the realm").isNotNull();
        assertThat(env.get("PORTAL_OIDC_CLIENT_SECRET").asText()).isEqualTo(client.get("secret").asText()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(env.get("PORTAL_CSRF_SIGNATURE_KEY").asText()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(env.get("ACCESSLOOP_PORTAL_BROKER_URL").asText()).isEqualTo("http://broker-service:" + DockerfilesTest.port("broker-service"));
        assertThat(env.get("ACCESSLOOP_PORTAL_DRIFT_URL").asText()).isEqualTo("http://drift-service:" + DockerfilesTest.port("drift-service"));
        assertThat(env.get("ACCESSLOOP_PORTAL_LIFECYCLE_URL").asText()).isEqualTo("http://lifecycle-service:" + DockerfilesTest.port("lifecycle-service"));
    }

    @Test
    void theSandboxPushesConfigChangesToDriftWithAKeyDriftAccepts() {
        JsonNode sandbox = SERVICES.get("aws-sandbox").get("environment");
        JsonNode drift = SERVICES.get("drift-service").get("environment");
        assertThat(sandbox.get("ACCESSLOOP_SANDBOX_CONFIG_NOTIFICATIONS_URLS").asText())
                .isEqualTo("http://drift-service:" + DockerfilesTest.port("drift-service") + "/ingest/aws/events");
        assertThat(sandbox.get("ACCESSLOOP_SANDBOX_CONFIG_NOTIFICATIONS_HEADER_NAME").asText())
                .isEqualTo(ServiceConfig.of("drift-service").property("accessloop.drift.ingest.api-key-header").orElseThrow());
        assertThat(List.of(drift.get("ACCESSLOOP_DRIFT_INGEST_API_KEYS").asText().split(",")))
                .contains(sandbox.get("ACCESSLOOP_SANDBOX_CONFIG_NOTIFICATIONS_HEADER_VALUE").asText());
    }

    @Test
    void theBrokerUsesTheDemoCatalogAndTheKeyTheEntitlementRolesTrust() {
        JsonNode broker = SERVICES.get("broker-service");
        assertThat(broker.get("volumes").toString())
                .contains("./catalog:" + broker.at("/environment/ACCESSLOOP_BROKER_CATALOG_DIR").asText());
        for (JsonNode entitlement : Yaml.document(Repository.path("deploy/catalog/demo.yaml")).get("entitlements")) {
            assertThat(entitlement.get("roleArn").asText()).as(entitlement.get("name").asText())
                    .startsWith("arn:aws:iam::" + entitlement.get("account").asText() + ":role/accessloop/");
        }
        // the sandbox's demo roles trust its accessloop-broker user, whose key the local run uses as well
        String key = broker.at("/environment/ACCESSLOOP_AWS_ACCESS_KEY_ID").asText();
        assertThat(Repository.read("deploy/run.sh")).contains(key);
        assertThat(broker.at("/environment/QUARKUS_STS_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID").asText()).isEqualTo(key);
    }
}
