package io.accessloop.portal.e2e;

import io.accessloop.testsupport.ArtemisResource;
import io.accessloop.testsupport.KeycloakResource;
import io.accessloop.testsupport.PostgresResource;
import io.accessloop.testsupport.SandboxResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole of Accessloop on this machine, wired like the local run ({@code deploy/run.sh}) but on free ports:
 * Keycloak with the demo realm, PostgreSQL, Artemis and the aws-sandbox (demo account) from test-support, then
 * broker-, drift- and lifecycle-service and the portal from their packaged jars. Logs go to {@code target/e2e-logs}.
 */
final class FullStack implements AutoCloseable {

    /** The demo realm's secret of the {@code accessloop-portal} client. */
    static final String PORTAL_CLIENT_SECRET = "local-demo-portal-secret-change-me-0123456789";
    private static final String BROKER_KEY = "AKIAACCESSLOOPBROKER";
    private static final String BROKER_SECRET = "accessloop-demo-broker-secret-key-0000000";
    private static final String INGEST_KEY = "e2e-ingest-key";
    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final List<ServiceProcess> processes = new ArrayList<>();
    private final Path catalog;
    private URI portal;
    private URI sandbox;

    private FullStack(Path catalog) {
        this.catalog = catalog;
    }

    static FullStack start() {
        Path root = Path.of(System.getProperty("accessloop.reactor.root", "..")).toAbsolutePath().normalize();
        FullStack stack;
        try {
            stack = new FullStack(Files.createTempDirectory("accessloop-e2e-catalog"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            stack.boot(root);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void boot(Path root) {
        CompletableFuture<URI> keycloak = CompletableFuture.supplyAsync(FullStack::freshKeycloak);

        Map<String, String> amqp = new ArtemisResource().start();
        Map<String, String> aws = new SandboxResource().start();
        sandbox = SandboxResource.endpoint();
        SandboxResource.control("/_sandbox/seed/demo", "{}");
        new SandboxAccount(sandbox).createIamReadRole();
        copyCatalog(root);

        URI realm = keycloak.join();
        int portalPort = freePort();
        portal = URI.create("http://localhost:" + portalPort);
        KeycloakAdmin.allowPortalAt(realm, portal.toString());

        Path logs = Path.of("target", "e2e-logs");
        int brokerPort = freePort();
        int driftPort = freePort();
        int lifecyclePort = freePort();

        Map<String, String> broker = common("e2e_broker", amqp, aws, realm);
        broker.put("accessloop.aws.access-key-id", BROKER_KEY);
        broker.put("accessloop.aws.secret-access-key", BROKER_SECRET);
        broker.put("quarkus.sts.aws.credentials.static-provider.access-key-id", BROKER_KEY);
        broker.put("quarkus.sts.aws.credentials.static-provider.secret-access-key", BROKER_SECRET);
        broker.put("accessloop.broker.catalog-dir", catalog.toString());
        broker.put("accessloop.broker.console.federation-endpoint", sandbox + "/federation");
        processes.add(ServiceProcess.start("broker-service", jar(root, "broker-service"), brokerPort, broker,
                Map.of(), logs));

        Map<String, String> drift = common("e2e_drift", amqp, aws, realm);
        drift.put("accessloop.drift.ingest.api-keys", INGEST_KEY);
        drift.put("accessloop.drift.ownership.accessloop-actors", "arn:aws:iam::*:user/accessloop-broker,"
                + "arn:aws:iam::*:role/accessloop-*,arn:aws:sts::*:assumed-role/accessloop-*");
        drift.put("accessloop.drift.ownership.managed-principals", "arn:aws:iam::*:role/accessloop/*");
        processes.add(ServiceProcess.start("drift-service", jar(root, "drift-service"), driftPort, drift, Map.of(),
                logs));

        Map<String, String> lifecycle = common("e2e_lifecycle", amqp, aws, realm);
        lifecycle.put("accessloop.lifecycle.hr.sources.demo.secret", "e2e-hr-webhook-secret-0123456789");
        processes.add(ServiceProcess.start("lifecycle-service", jar(root, "lifecycle-service"), lifecyclePort,
                lifecycle, Map.of(), logs));

        Map<String, String> portalSettings = new HashMap<>();
        portalSettings.put("quarkus.oidc.auth-server-url", realm.toString());
        portalSettings.put("accessloop.portal.broker-url", "http://127.0.0.1:" + brokerPort);
        portalSettings.put("accessloop.portal.drift-url", "http://127.0.0.1:" + driftPort);
        portalSettings.put("accessloop.portal.lifecycle-url", "http://127.0.0.1:" + lifecyclePort);
        processes.add(ServiceProcess.start("portal", root.resolve("portal/target/quarkus-app/quarkus-run.jar"),
                portalPort, portalSettings, Map.of("PORTAL_OIDC_CLIENT_SECRET", PORTAL_CLIENT_SECRET,
                        "PORTAL_CSRF_SIGNATURE_KEY", "e2e-csrf-signature-key-that-is-long-enough-0123"), logs));

        processes.forEach(p -> p.awaitReady(START_LIMIT));
        // the sandbox pushes IAM configuration changes to drift, as EventBridge would in an account
        SandboxResource.control("/_sandbox/config/targets", "{\"url\":\"http://127.0.0.1:" + driftPort
                + "/ingest/aws/events\",\"headerName\":\"x-accessloop-api-key\",\"headerValue\":\"" + INGEST_KEY
                + "\"}");
    }

    /** The portal as a person's browser reaches it. */
    URI portal() {
        return portal;
    }

    SandboxAccount account() {
        return new SandboxAccount(sandbox);
    }

    private static Map<String, String> common(String database, Map<String, String> amqp, Map<String, String> aws,
                                              URI realm) {
        PostgresResource postgres = new PostgresResource();
        postgres.init(Map.of("database", database));
        Map<String, String> settings = new HashMap<>(postgres.start());
        settings.putAll(amqp);
        settings.putAll(aws);
        settings.put("quarkus.oidc.auth-server-url", realm.toString());
        return settings;
    }

    /** Keycloak from an empty database, so the realm file as it is now is imported (not one from a former run). */
    private static URI freshKeycloak() {
        Path home = Path.of(System.getProperty("accessloop.keycloak.home", "target/keycloak"));
        delete(home.resolve("data/h2"));
        return KeycloakResource.realmUrl();
    }

    private void copyCatalog(Path root) {
        try (InputStream extra = FullStack.class.getResourceAsStream("/e2e/catalog/iam-read.yaml")) {
            Files.copy(root.resolve("deploy/catalog/demo.yaml"), catalog.resolve("demo.yaml"));
            Files.copy(extra, catalog.resolve("iam-read.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the catalog", e);
        }
    }

    private static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        // Keycloak's start script forks the server JVM, which outlives the script when only the script is stopped
        ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains("keycloak"))
                .forEach(ProcessHandle::destroy);
        delete(catalog);
    }
}
