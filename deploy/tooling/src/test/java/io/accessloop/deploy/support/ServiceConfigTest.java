package io.accessloop.deploy.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceConfigTest {

    static final String MAPPING = """
            package x;
            /** Settings; braces in comments {@link #a()} and "quotes" must not confuse the reader. */
            @ConfigMapping(prefix = "accessloop.demo")
            public interface DemoSettings {
                /** A URL default with // inside a string. */
                @WithDefault("https://example.com/{x}")
                URI federationEndpoint();
                // a line comment with a brace {
                Optional<List<String>> apiKeys();
                Nested nested();
                Map<String, Source> sources();
                Map<String, String> severity();
                interface Nested {
                    @WithDefault("PT5S") Duration retryDelay();
                }
                interface Source {
                    String secret();
                    Optional<String> previousSecret();
                }
            }
            """;

    @Test
    void readsTheKeysOfAConfigMappingIncludingGroupsAndMaps() {
        assertThat(ServiceConfig.mappingKeys(MAPPING)).containsExactlyInAnyOrder(
                "accessloop.demo.federation-endpoint",
                "accessloop.demo.api-keys",
                "accessloop.demo.nested.retry-delay",
                "accessloop.demo.sources.*.secret",
                "accessloop.demo.sources.*.previous-secret",
                "accessloop.demo.severity.*");
        assertThat(ServiceConfig.mappingKeys("class NotAMapping {}")).isEmpty();
    }

    @Test
    void environmentNamesFollowSmallRyeConfig() {
        assertThat(ServiceConfig.toEnv("quarkus.datasource.jdbc.url")).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(ServiceConfig.toEnv("amqp-host")).isEqualTo("AMQP_HOST");
        assertThat(ServiceConfig.kebab("maxRetryDelay")).isEqualTo("max-retry-delay");
    }

    @Test
    void aServiceReadsItsPropertiesMappingsAndExtensionKeysAndNothingElse() {
        ServiceConfig broker = ServiceConfig.of("broker-service");
        assertThat(broker.readsEnv("QUARKUS_DATASOURCE_JDBC_URL")).isTrue();
        assertThat(broker.readsEnv("AMQP_HOST")).isTrue();
        assertThat(broker.readsEnv("ACCESSLOOP_AWS_ENDPOINT_OVERRIDE")).as("service-kit's mapping").isTrue();
        assertThat(broker.readsEnv("QUARKUS_STS_ENDPOINT_OVERRIDE")).as("quarkus-amazon-sts").isTrue();
        assertThat(broker.readsEnv("QUARKUS_DATASOURCE_JDBC_URLL")).isFalse();
        assertThat(broker.readsEnv("ACCESSLOOP_BROKER_NO_SUCH_SETTING")).isFalse();

        ServiceConfig portal = ServiceConfig.of("portal");
        assertThat(portal.readsEnv("PORTAL_OIDC_CLIENT_SECRET")).as("${...} in a value").isTrue();
        assertThat(portal.readsEnv("QUARKUS_STS_ENDPOINT_OVERRIDE")).as("the portal has no STS").isFalse();
        assertThat(portal.readsEnv("AMQP_HOST")).as("the portal has no AMQP settings").isFalse();

        ServiceConfig lifecycle = ServiceConfig.of("lifecycle-service");
        assertThat(lifecycle.readsEnv("ACCESSLOOP_LIFECYCLE_HR_SOURCES_WORKDAY_SECRET")).isTrue();
        assertThat(lifecycle.readsEnv("ACCESSLOOP_LIFECYCLE_HR_SOURCES_SECRET")).as("the map key is missing").isFalse();
    }

    @Test
    void anUnknownModuleIsAClearError() {
        assertThatThrownBy(() -> ServiceConfig.of("no-such-service")).hasMessageContaining("no module no-such-service");
    }
}
