package io.accessloop.deploy.containers;

import io.accessloop.deploy.support.Repository;
import io.accessloop.deploy.support.ServiceConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every image module ships Quarkus-style JVM and native Dockerfiles that fit the module they build. */
class DockerfilesTest {

    static Stream<String> modules() {
        return Repository.IMAGE_MODULES.stream();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void theJvmImageRunsTheFastJarAsANonRootUserOnTheServicesPort(String module) {
        List<String> lines = instructions(module + "/src/main/docker/Dockerfile.jvm");
        assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).singleElement().asString()
                .contains("registry.access.redhat.com/ubi9/openjdk-17-runtime:");
        assertThat(lines).contains(
                "COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/",
                "COPY --chown=185 target/quarkus-app/*.jar /deployments/",
                "COPY --chown=185 target/quarkus-app/app/ /deployments/app/",
                "COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/",
                "USER 185",
                "EXPOSE " + port(module),
                "ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        assertThat(lines).anyMatch(l -> l.startsWith("ENV JAVA_OPTS_APPEND=")
                && l.contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager"));
        assertThat(lines.get(lines.size() - 1)).contains("/opt/jboss/container/java/run/run-java.sh");
    }

    @ParameterizedTest
    @MethodSource("modules")
    void theNativeImageIsBuiltInAMandrelBuilderAndRunsOnTheMicroImage(String module) {
        List<String> lines = instructions(module + "/src/main/docker/Dockerfile.native");
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).hasSize(2);
        assertThat(from.get(0)).contains("quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:").endsWith(" AS build");
        assertThat(from.get(1)).contains("quay.io/quarkus/ubi9-quarkus-micro-image:");
        assertThat(lines).anyMatch(l -> l.startsWith("RUN ") && l.contains("./mvnw")
                && l.contains("-pl " + module + " -am package -Dnative"));
        assertThat(lines).anyMatch(l -> l.startsWith("COPY --from=build")
                && l.contains("/code/" + module + "/target/*-runner /work/application"));
        assertThat(lines).contains("USER 1001", "EXPOSE " + port(module));
        assertThat(lines.get(lines.size() - 1)).startsWith("ENTRYPOINT").contains("./application");
        // the context is the repository root: build output and local run data stay out of it
        assertThat(Repository.read(module + "/src/main/docker/Dockerfile.native.dockerignore"))
                .contains("**/target/", "deploy/.run/", ".git/");
    }

    static int port(String module) {
        return Integer.parseInt(ServiceConfig.of(module).property("quarkus.http.port")
                .orElseThrow(() -> new AssertionError(module + " sets no quarkus.http.port")));
    }

    /** Dockerfile instructions with continuation lines joined and comments dropped. */
    static List<String> instructions(String file) {
        String joined = Repository.read(file).replaceAll("\\\\\\n\\s*", " ");
        return Arrays.stream(joined.split("\n"))
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }
}
