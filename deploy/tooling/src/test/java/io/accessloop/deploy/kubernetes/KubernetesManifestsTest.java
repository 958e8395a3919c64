package io.accessloop.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.deploy.support.Manifests;
import io.accessloop.deploy.support.Repository;
import io.accessloop.deploy.support.ServiceConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks that hold for the base as written and for every overlay as kubectl renders it: probes, resources, images of
 * real modules, variables the services really read, disruption budgets, autoscaling, network policies and the Ingress.
 */
class KubernetesManifestsTest {

    static final List<String> RENDERED = List.of("deploy/k8s/base", "deploy/k8s/overlays/local", "deploy/k8s/overlays/production");

    static Stream<String> sets() {
        return Stream.concat(Stream.of("files:deploy/k8s/base"), RENDERED.stream());
    }

    static Manifests load(String set) {
        if (set.startsWith("files:")) {
            return Manifests.listedBy(set.substring("files:".length()));
        }
        assumeTrue(Manifests.kubectlAvailable(), "kubectl is not installed: " + set + " is not rendered");
        return Manifests.rendered(set);
    }

    @ParameterizedTest
    @MethodSource("sets")
    void everyWorkloadHasProbesAndResources(String set) {
        Manifests m = load(set);
        assertThat(m.ofKind("Deployment", "StatefulSet")).isNotEmpty();
        for (JsonNode workload : m.ofKind("Deployment", "StatefulSet")) {
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                String where = set + " " + Manifests.name(workload) + "/" + container.get("name").asText();
                assertThat(container.has("readinessProbe")).as(where + " readiness").isTrue();
                assertThat(container.has("livenessProbe")).as(where + " liveness").isTrue();
                assertThat(container.at("/resources/requests/cpu").isMissingNode()).as(where + " cpu request").isFalse();
                assertThat(container.at("/resources/requests/memory").isMissingNode()).as(where + " memory request").isFalse();
                assertThat(container.at("/resources/limits/memory").isMissingNode()).as(where + " memory limit").isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sets")
    void moduleContainersProbeQuarkusHealthOnTheServicesPortAsNonRoot(String set) {
        Manifests m = load(set);
        List<String> modules = new ArrayList<>();
        for (JsonNode workload : m.ofKind("Deployment")) {
            JsonNode pod = workload.at("/spec/template/spec");
            boolean accessloop = workload.at("/metadata/labels/app.kubernetes.io~1part-of").asText().equals("accessloop");
            for (JsonNode container : pod.get("containers")) {
                Optional<String> module = Manifests.moduleOf(container.get("image").asText());
                if (accessloop) {
                    assertThat(module).as("%s %s runs %s, which is no module's image", set, Manifests.name(workload),
                            container.get("image").asText()).isPresent();
                }
                if (module.isEmpty()) {
                    continue;
                }
                modules.add(module.get());
                String where = set + " " + Manifests.name(workload);
                int port = Integer.parseInt(ServiceConfig.of(module.get()).property("quarkus.http.port").orElseThrow());
                assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(where).isEqualTo("/q/health/ready");
                assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(where).isEqualTo("/q/health/live");
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    assertThat(containerPort(container, container.get(probe).at("/httpGet/port"))).as(where + " " + probe)
                            .isEqualTo(port);
                }
                boolean nonRoot = pod.at("/securityContext/runAsNonRoot").asBoolean()
                        || container.at("/securityContext/runAsNonRoot").asBoolean();
                assertThat(nonRoot).as(where + " runs as non-root").isTrue();
            }
        }
        assertThat(modules).as(set).containsAll(Repository.SERVICES);
    }

    @ParameterizedTest
    @MethodSource("sets")
    void everyVariableAndConfigMapKeyIsAConfigKeyTheServiceReads(String set) {
        Manifests m = load(set);
        for (JsonNode workload : m.ofKind("Deployment")) {
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                Optional<String> module = Manifests.moduleOf(container.get("image").asText());
                if (module.isEmpty()) {
                    continue;
                }
                ServiceConfig config = ServiceConfig.of(module.get());
                Set<String> names = new TreeSet<>();
                container.path("env").forEach(e -> names.add(e.get("name").asText()));
                for (JsonNode from : container.path("envFrom")) {
                    String kind = from.has("configMapRef") ? "ConfigMap" : "Secret";
                    String ref = from.has("configMapRef") ? from.at("/configMapRef/name").asText() : from.at("/secretRef/name").asText();
                    m.find(kind, ref).ifPresent(object -> names.addAll(dataKeys(object)));
                }
                for (String name : names) {
                    assertThat(config.readsEnv(name) || ServiceConfig.IMAGE_VARIABLES.contains(name))
                            .as("%s: %s sets %s, which %s does not read", set, Manifests.name(workload), name, module.get())
                            .isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sets")
    void everyServiceHasAServiceADisruptionBudgetAndAnAutoscaler(String set) {
        Manifests m = load(set);
        for (String service : Repository.SERVICES) {
            JsonNode deployment = m.find("Deployment", service).orElseThrow(() -> new AssertionError(set + ": no " + service));
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            assertThat(m.ofKind("PodDisruptionBudget")).as(set + " PDB of " + service)
                    .anyMatch(pdb -> selects(pdb.at("/spec/selector/matchLabels"), podLabels));
            assertThat(m.ofKind("HorizontalPodAutoscaler")).as(set + " HPA of " + service)
                    .anyMatch(hpa -> hpa.at("/spec/scaleTargetRef/kind").asText().equals("Deployment")
                            && hpa.at("/spec/scaleTargetRef/name").asText().equals(service)
                            && hpa.at("/spec/maxReplicas").asInt() > hpa.at("/spec/minReplicas").asInt(1));
            int port = Integer.parseInt(ServiceConfig.of(service).property("quarkus.http.port").orElseThrow());
            assertThat(m.ofKind("Service")).as(set + " Service of " + service)
                    .anyMatch(s -> selects(s.at("/spec/selector"), podLabels) && Manifests.name(s).equals(service)
                            && s.at("/spec/ports/0/port").asInt() == port);
        }
    }

    @ParameterizedTest
    @MethodSource("sets")
    void referencedServiceAccountsConfigMapsAndSecretsExistOrAreDocumented(String set) {
        Manifests m = load(set);
        String operations = Repository.read("docs/operations.md");
        for (JsonNode workload : m.ofKind("Deployment", "StatefulSet")) {
            JsonNode pod = workload.at("/spec/template/spec");
            String where = set + " " + Manifests.name(workload);
            if (pod.has("serviceAccountName")) {
                assertThat(m.find("ServiceAccount", pod.get("serviceAccountName").asText())).as(where).isPresent();
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("configMap") && !volume.at("/configMap/optional").asBoolean()) {
                    assertThat(m.find("ConfigMap", volume.at("/configMap/name").asText())).as(where).isPresent();
                }
            }
            for (JsonNode container : pod.get("containers")) {
                for (JsonNode from : container.path("envFrom")) {
                    if (from.has("configMapRef")) {
                        assertThat(m.find("ConfigMap", from.at("/configMapRef/name").asText())).as(where).isPresent();
                    } else {
                        String secret = from.at("/secretRef/name").asText();
                        assertThat(m.find("Secret", secret).isPresent() || operations.contains("`" + secret + "`"))
                                .as("%s: secret %s is neither in the manifests nor in docs/operations.md", where, secret)
                                .isTrue();
                    }
                }
                for (JsonNode env : container.path("env")) {
                    JsonNode key = env.at("/valueFrom/secretKeyRef");
                    if (!key.isMissingNode()) {
                        assertThat(m.find("Secret", key.get("name").asText())).as(where).isPresent();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sets")
    void everythingIsDeniedUnlessAPolicyAllowsIt(String set) {
        Manifests m = load(set);
        assertThat(m.ofKind("NetworkPolicy")).anyMatch(p -> p.at("/spec/podSelector").isEmpty()
                && p.at("/spec/policyTypes").toString().contains("Ingress")
                && p.at("/spec/policyTypes").toString().contains("Egress")
                && !p.at("/spec").has("ingress") && !p.at("/spec").has("egress"));
        // from the ingress controller only the portal and the two webhook receivers are reachable
        Set<String> reachable = new TreeSet<>();
        for (JsonNode policy : m.ofKind("NetworkPolicy")) {
            for (JsonNode rule : policy.at("/spec/ingress")) {
                for (JsonNode from : rule.path("from")) {
                    if (from.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText().equals("ingress-nginx")) {
                        reachable.add(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText());
                    }
                }
            }
        }
        assertThat(reachable).containsExactlyInAnyOrder("portal", "drift-service", "lifecycle-service");
        // the broker is reached only by the portal (and the metrics scraper)
        for (JsonNode policy : m.ofKind("NetworkPolicy")) {
            if (policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText().equals("broker-service")) {
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    for (JsonNode from : rule.path("from")) {
                        assertThat(from.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("portal");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sets")
    void fromOutsideOnlyThePortalAndTheTwoWebhooksAreRouted(String set) {
        Manifests m = load(set);
        Set<String> routes = new TreeSet<>();
        for (JsonNode ingress : m.ofKind("Ingress")) {
            for (JsonNode rule : ingress.at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                    routes.add(path.get("path").asText() + " " + path.get("pathType").asText() + " -> "
                            + path.at("/backend/service/name").asText());
                }
            }
            assertThat(ingress.at("/spec/tls").size()).as(Manifests.name(ingress) + " serves TLS").isPositive();
        }
        assertThat(routes).containsExactlyInAnyOrder(
                "/ Prefix -> portal",
                "/ingest/aws/events Exact -> drift-service",
                "/hr/events Exact -> lifecycle-service");
        assertThat(Repository.read("drift-service/src/main/java/io/accessloop/drift/ingest/rest/IngestResource.java"))
                .contains("@Path(\"/ingest/aws/events\")");
    }

    @ParameterizedTest
    @MethodSource("sets")
    void thePortalCallsTheServicesThroughTheirKubernetesServices(String set) {
        Manifests m = load(set);
        JsonNode portal = m.ofKind("ConfigMap").stream().filter(c -> c.at("/data").has("ACCESSLOOP_PORTAL_BROKER_URL"))
                .findFirst().orElseThrow();
        for (Map.Entry<String, String> e : Map.of("ACCESSLOOP_PORTAL_BROKER_URL", "broker-service",
                "ACCESSLOOP_PORTAL_DRIFT_URL", "drift-service", "ACCESSLOOP_PORTAL_LIFECYCLE_URL", "lifecycle-service").entrySet()) {
            JsonNode service = m.find("Service", e.getValue()).orElseThrow();
            assertThat(portal.at("/data/" + e.getKey()).asText())
                    .isEqualTo("http://" + e.getValue() + ":" + service.at("/spec/ports/0/port").asInt());
        }
    }

    static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.get("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + port.asText());
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> it = selector.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }

    static Set<String> dataKeys(JsonNode configMapOrSecret) {
        Set<String> keys = new TreeSet<>();
        for (String field : List.of("data", "stringData")) {
            configMapOrSecret.path(field).fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }
}
