package io.accessloop.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The aws-sandbox as a separate process (its Quarkus jar, built earlier in the reactor), once per test JVM,
 * on a free port. With {@code ACCESSLOOP_TEST_AWS_ENDPOINT} tests use a sandbox someone already runs.
 * Services get the endpoint through {@code accessloop.aws.*} and {@code quarkus.sts.*}.
 */
public class SandboxResource implements QuarkusTestResourceLifecycleManager {

    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";
    public static final String ACCOUNT = "000000000000";
    public static final String REGION = "us-east-1";

    private static URI endpoint;
    private static Process process;

    @Override
    public Map<String, String> start() {
        URI uri = endpoint();
        Map<String, String> config = new HashMap<>();
        config.put("accessloop.aws.endpoint-override", uri.toString());
        config.put("accessloop.aws.region", REGION);
        config.put("accessloop.aws.access-key-id", ACCESS_KEY);
        config.put("accessloop.aws.secret-access-key", SECRET_KEY);
        config.put("quarkus.sts.endpoint-override", uri.toString());
        config.put("quarkus.sts.aws.region", REGION);
        config.put("quarkus.sts.aws.credentials.type", "static");
        config.put("quarkus.sts.aws.credentials.static-provider.access-key-id", ACCESS_KEY);
        config.put("quarkus.sts.aws.credentials.static-provider.secret-access-key", SECRET_KEY);
        return config;
    }

    @Override
    public void stop() {
        // one sandbox process serves every Quarkus start in this JVM
    }

    /** The sandbox endpoint, starting the process if needed. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = External.env("ACCESSLOOP_TEST_AWS_ENDPOINT").map(URI::create).orElseGet(SandboxResource::launch);
        }
        return endpoint;
    }

    /** POSTs a JSON body to the sandbox control API, e.g. {@code control("/_sandbox/reset", "{}")}. */
    public static String control(String path, String json) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint().resolve(path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("sandbox control call failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI launch() {
        Path jar = locateJar();
        int port = External.freePort();
        try {
            Path log = Files.createTempFile("aws-sandbox-", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                    "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-jar", jar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
            URI uri = URI.create("http://127.0.0.1:" + port);
            Readiness.await("aws-sandbox", process, uri.resolve("/q/health/ready"), log, Duration.ofSeconds(60));
            return uri;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the aws-sandbox from " + jar, e);
        }
    }

    private static Path locateJar() {
        File dir = new File(System.getProperty("user.dir")).getAbsoluteFile();
        while (dir != null) {
            Path candidate = dir.toPath().resolve("aws-sandbox/target/quarkus-app/quarkus-run.jar");
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParentFile();
        }
        throw new IllegalStateException("aws-sandbox/target/quarkus-app/quarkus-run.jar not found: build it first "
                + "(./mvnw verify builds it before the services' tests) or set ACCESSLOOP_TEST_AWS_ENDPOINT");
    }
}
