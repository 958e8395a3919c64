package io.accessloop.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.deploy.support.CloudFormation;
import io.accessloop.deploy.support.Manifests;
import io.accessloop.deploy.support.Repository;
import io.accessloop.deploy.support.Yaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What differs between the overlays: production is replicated and secret-free, local is self-contained. */
class OverlaysTest {

    static final CloudFormation ROLES = CloudFormation.load(Repository.path("deploy/aws/accessloop-service-roles.yaml"),
            Map.of("OidcProvider", "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE"));
    static final Map<String, String> ROLE_OF_SERVICE_ACCOUNT = Map.of(
            "accessloop-broker", "BrokerRole", "accessloop-drift", "DriftRole", "accessloop-lifecycle", "LifecycleRole");

    @Test
    void everyKustomizationListsOnlyFilesThatExist() {
        List<Path> kustomizations = Repository.files("deploy/k8s", "kustomization.yaml");
        assertThat(kustomizations).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : kustomizations) {
            JsonNode k = Yaml.document(file);
            for (JsonNode resource : k.path("resources")) {
                Path target = file.getParent().resolve(resource.asText()).normalize();
                assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
                        .as("%s lists %s", Repository.relative(file), resource.asText()).isTrue();
            }
            for (String generator : List.of("configMapGenerator", "secretGenerator")) {
                for (JsonNode g : k.path(generator)) {
                    for (JsonNode f : g.path("files")) {
                        String source = f.asText().contains("=") ? f.asText().substring(f.asText().indexOf('=') + 1) : f.asText();
                        assertThat(file.getParent().resolve(source)).as("%s generates from %s", Repository.relative(file), source)
                                .isRegularFile();
                    }
                }
            }
        }
    }

    @Test
    void theLocalOverlaysCopiesAreTheOriginals() {
        assertThat(Repository.read("deploy/k8s/overlays/local/files/accessloop-realm.json"))
                .isEqualTo(Repository.read("deploy/keycloak/accessloop-realm.json"));
        assertThat(Repository.read("deploy/k8s/overlays/local/files/demo-catalog.yaml"))
                .isEqualTo(Repository.read("deploy/catalog/demo.yaml"));
    }

    @Test
    void productionRunsAtLeastTwoOfEverythingFromARegistryAndCommitsNoSecret() {
        Manifests m = rendered("deploy/k8s/overlays/production");
        for (JsonNode deployment : m.ofKind("Deployment")) {
            assertThat(deployment.at("/spec/replicas").asInt()).as(Manifests.name(deployment)).isGreaterThanOrEqualTo(2);
            for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
                assertThat(container.get("image").asText()).as("pulled from a registry").doesNotStartWith("accessloop/");
            }
        }
        for (JsonNode hpa : m.ofKind("HorizontalPodAutoscaler")) {
            assertThat(hpa.at("/spec/minReplicas").asInt()).as(Manifests.name(hpa)).isGreaterThanOrEqualTo(2);
        }
        assertThat(m.ofKind("Secret")).isEmpty();
        assertThat(m.find("Namespace", "accessloop").orElseThrow().at("/metadata/labels/pod-security.kubernetes.io~1enforce")
                .asText()).isEqualTo("restricted");
    }

    @Test
    void productionServiceAccountsAssumeTheRolesOfTheCloudFormationTemplate() {
        Manifests m = rendered("deploy/k8s/overlays/production");
        String namespace = ROLES.raw().at("/Parameters/Namespace/Default").asText();
        int annotated = 0;
        for (JsonNode account : m.ofKind("ServiceAccount")) {
            assertThat(account.at("/metadata/namespace").asText()).isEqualTo(namespace);
            assertThat(account.get("automountServiceAccountToken").asBoolean(true)).isFalse();
            String roleArn = account.at("/metadata/annotations/eks.amazonaws.com~1role-arn").asText();
            String name = Manifests.name(account);
            if (roleArn.isEmpty()) {
                assertThat(name).as("only the portal has no AWS role").isEqualTo("accessloop-portal");
                continue;
            }
            annotated++;
            JsonNode role = ROLES.properties(ROLE_OF_SERVICE_ACCOUNT.get(name));
            assertThat(roleArn).endsWith(":role/" + role.get("RoleName").asText());
            assertThat(role.get("AssumeRolePolicyDocument").asText())
                    .contains("\"system:serviceaccount:" + namespace + ":" + name + "\"");
        }
        assertThat(annotated).isEqualTo(3);
    }

    @Test
    void theLocalOverlayBringsItsOwnInfrastructureAndNoCloudRoles() {
        Manifests m = rendered("deploy/k8s/overlays/local");
        for (String infrastructure : List.of("postgres", "artemis", "keycloak", "aws-sandbox")) {
            assertThat(m.find("Service", infrastructure)).as(infrastructure).isPresent();
        }
        for (JsonNode account : m.ofKind("ServiceAccount")) {
            assertThat(account.at("/metadata/annotations").isMissingNode()).as(Manifests.name(account)).isTrue();
        }
        JsonNode services = m.ofKind("ConfigMap").stream().filter(c -> Manifests.name(c).startsWith("accessloop-services"))
                .findFirst().orElseThrow();
        assertThat(services.at("/data/ACCESSLOOP_AWS_ENDPOINT_OVERRIDE").asText()).isEqualTo("http://aws-sandbox:4566");
        assertThat(services.at("/data/AMQP_HOST").asText()).isEqualTo("artemis");
    }

    static Manifests rendered(String overlay) {
        assumeTrue(Manifests.kubectlAvailable(), "kubectl is not installed: " + overlay + " is not rendered");
        return Manifests.rendered(overlay);
    }
}
