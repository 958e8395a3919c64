package io.accessloop.cli.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The broker's own packaged jar ({@code broker-service/target/quarkus-app/quarkus-run.jar}) as a child process. */
final class BrokerProcess implements AutoCloseable {

    private final Process process;
    private final URI url;
    private final Path log;

    private BrokerProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static BrokerProcess start(Map<String, String> config) throws IOException, InterruptedException {
        Path jar = locate("broker-service/target/quarkus-app/quarkus-run.jar");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:+UseSerialGC", "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createTempFile("broker-cli-e2e-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BrokerProcess broker = new BrokerProcess(process, URI.create("http://127.0.0.1:" + port), log);
        broker.awaitReady(Duration.ofSeconds(150));
        return broker;
    }

    URI url() {
        return url;
    }

    private void awaitReady(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(url.resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("the broker was not ready within " + limit + ":\n" + tail());
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path locate(String relative) {
        File dir = new File(System.getProperty("user.dir")).getAbsoluteFile();
        while (dir != null) {
            Path candidate = dir.toPath().resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParentFile();
        }
        throw new IllegalStateException(relative + " not found: build the broker first "
                + "(./mvnw -B -pl broker-service -am package -DskipTests)");
    }
}
