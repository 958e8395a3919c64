package io.accessloop.deploy.docs;

import io.accessloop.contracts.Topology;
import io.accessloop.deploy.support.Repository;
import io.accessloop.deploy.support.ServiceConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/operations.md names only settings, variables, metrics and files that exist. */
class OperationsDocTest {

    static final String DOC = Repository.read("docs/operations.md");
    static final List<String> MODULES = List.of("broker-service", "drift-service", "lifecycle-service", "portal", "aws-sandbox");

    @Test
    void everyDocumentedSettingIsAKeyOfSomeService() {
        Set<String> keys = new TreeSet<>();
        MODULES.forEach(m -> keys.addAll(ServiceConfig.of(m).keys()));
        for (String key : inBackticks("(?:accessloop|quarkus)\\.[a-z0-9.<>*-]+")) {
            if (key.endsWith(".*") || isAddressOrQueue(key)) {
                continue; // a whole group ("a mistyped accessloop.* key"), or an AMQP address or queue name
            }
            String normalised = key.replace("<name>", "*");
            assertThat(keys.contains(normalised) || keys.stream().anyMatch(k -> k.startsWith(normalised + ".")))
                    .as("docs/operations.md documents %s, which no service reads", key)
                    .isTrue();
        }
    }

    @Test
    void everyDocumentedEnvironmentVariableIsReadBySomeService() {
        List<ServiceConfig> configs = MODULES.stream().map(ServiceConfig::of).toList();
        for (String variable : inBackticks("(?:ACCESSLOOP|QUARKUS|AMQP|PORTAL)_[A-Z0-9_<>]+")) {
            if (variable.endsWith("_")) {
                continue;
            }
            String concrete = variable.replace("<NAME>", "WORKDAY");
            assertThat(configs.stream().anyMatch(c -> c.readsEnv(concrete)))
                    .as("docs/operations.md documents %s, which no service reads", variable)
                    .isTrue();
        }
    }

    @Test
    void theFourKeyMetricsAreDocumentedAndEveryDocumentedMetricIsRegisteredByTheCode() {
        Set<String> documented = inBackticksAndCode("accessloop_[a-z_]+");
        assertThat(documented).contains("accessloop_time_to_grant_seconds", "accessloop_time_to_revoke_seconds",
                "accessloop_drift_detection_lag_seconds", "accessloop_outbox_lag_seconds");
        String code = mainSources();
        for (String metric : documented) {
            String base = metric.replaceAll("_(bucket|count|sum)$", "");
            assertThat(code).as("metric %s is registered somewhere", base).contains("\"" + base + "\"");
        }
    }

    @Test
    void theAlertRulesWatchMetricsTheCodeRegisters() {
        String rules = Repository.read("deploy/k8s/monitoring/prometheus-rules.yaml");
        Matcher m = Pattern.compile("\\b(accessloop_[a-z_]+)").matcher(rules);
        String code = mainSources();
        int metrics = 0;
        while (m.find()) {
            metrics++;
            String base = m.group(1).replaceAll("_(bucket|count|sum)$", "");
            assertThat(code).as("alert on %s, which the code registers", base).contains("\"" + base + "\"");
        }
        assertThat(metrics).isGreaterThanOrEqualTo(4);
        for (String key : List.of("accessloop_time_to_grant_seconds", "accessloop_time_to_revoke_seconds",
                "accessloop_drift_detection_lag_seconds", "accessloop_outbox_lag_seconds")) {
            assertThat(rules).contains(key + "_bucket");
        }
    }

    @Test
    void everyRepositoryPathTheDocNamesExists() {
        for (String path : inBackticks("(?:deploy|docs)/[A-Za-z0-9_./-]+")) {
            assertThat(Repository.path(path.replaceAll("[.,]$", ""))).as(path).exists();
        }
    }

    private static boolean isAddressOrQueue(String name) {
        return Topology.ROUTES.stream().anyMatch(r -> r.address().equals(name) || r.queues().contains(name));
    }

    private static Set<String> inBackticks(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("`(" + pattern + ")`").matcher(DOC);
        while (m.find()) {
            out.add(m.group(1));
        }
        assertThat(out).as("the doc names some " + pattern).isNotEmpty();
        return out;
    }

    private static Set<String> inBackticksAndCode(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\b(" + pattern + ")\\b").matcher(DOC);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String mainSources() {
        StringBuilder all = new StringBuilder();
        for (String module : List.of("service-kit", "broker-service", "drift-service", "lifecycle-service", "portal")) {
            Path root = Repository.path(module + "/src/main/java");
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> all.append(Repository.read(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }
}
