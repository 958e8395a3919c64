package io.accessloop.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak for end-to-end tests, started once per JVM from the distribution Maven unpacked
 * ({@code accessloop.keycloak.home}) with a realm imported from {@code accessloop.keycloak.realm}. With
 * {@code ACCESSLOOP_TEST_OIDC_URL} (the realm URL) tests use a provider someone already runs.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    private static URI realmUrl;
    private static Process process;

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", realmUrl().toString());
    }

    @Override
    public void stop() {
        // one Keycloak serves every Quarkus start in this JVM
    }

    /** The realm's URL, e.g. {@code http://127.0.0.1:PORT/realms/accessloop}, starting Keycloak if needed. */
    public static synchronized URI realmUrl() {
        if (realmUrl == null) {
            realmUrl = External.env("ACCESSLOOP_TEST_OIDC_URL").map(URI::create).orElseGet(KeycloakResource::launch);
        }
        return realmUrl;
    }

    /** A password-grant access token from the realm's public {@code accessloop-cli} client. */
    public static HttpResponse<String> passwordGrant(String username, String password) {
        String form = "grant_type=password&client_id=accessloop-cli&scope=openid&username=" + username
                + "&password=" + password;
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(realmUrl() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("token request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI launch() {
        Path home = Path.of(System.getProperty("accessloop.keycloak.home", "target/keycloak"));
        Path realm = Path.of(System.getProperty("accessloop.keycloak.realm", "../deploy/keycloak/accessloop-realm.json"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home
                    + " (test-support's build unpacks it) and ACCESSLOOP_TEST_OIDC_URL is not set");
        }
        int port = External.freePort();
        int management = External.freePort();
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Path log = Files.createTempFile("keycloak-", ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + management, "--http-host=127.0.0.1",
                    "--hostname-strict=false", "--import-realm", "--health-enabled=true"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
            Readiness.await("Keycloak", process, URI.create("http://127.0.0.1:" + management + "/health/ready"), log,
                    Duration.ofSeconds(240));
            return URI.create("http://127.0.0.1:" + port + "/realms/accessloop");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak from " + home, e);
        }
    }
}
