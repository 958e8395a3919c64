package io.accessloop.drift;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays SNS's part for the tests: a key pair and self-signed certificate for signing notifications (made with the
 * JDK's keytool), served over https from a small local server (its own TLS certificate for {@code localhost}), which
 * also answers subscription confirmations. Drift is configured to trust that server and allow-list {@code localhost}.
 * Tests find the signing key through {@link #KEYSTORE} and the server through {@link #BASE_URL} (system properties;
 * the server counts requests per path at {@code /_requests}).
 */
public class SnsTestAuthority implements QuarkusTestResourceLifecycleManager {

    public static final String KEYSTORE = "accessloop.test.sns.keystore";
    public static final String BASE_URL = "accessloop.test.sns.base-url";
    public static final String PASSWORD = "changeit";
    public static final String CERT_PATH = "/SimpleNotificationService-test.pem";

    private HttpsServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("sns-test");
            Path tls = dir.resolve("tls.p12");
            Path signer = dir.resolve("signer.p12");
            keytool("-genkeypair", "-alias", "tls", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                    "-keypass", PASSWORD, "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", tls.toString());
            keytool("-exportcert", "-rfc", "-alias", "tls", "-keystore", tls.toString(),
                    "-file", dir.resolve("tls.pem").toString());
            keytool("-genkeypair", "-alias", "signer", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                    "-keypass", PASSWORD, "-dname", "CN=sns.us-east-1.amazonaws.com", "-keystore", signer.toString());
            keytool("-exportcert", "-rfc", "-alias", "signer", "-keystore", signer.toString(),
                    "-file", dir.resolve("signer.pem").toString());
            byte[] signerPem = Files.readAllBytes(dir.resolve("signer.pem"));

            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tlsContext(tls)));
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                if ("/_requests".equals(path)) {
                    StringBuilder json = new StringBuilder("{");
                    requests.forEach((p, n) -> json.append(json.length() > 1 ? "," : "").append('"').append(p)
                            .append("\":").append(n.get()));
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    answer(exchange, 200, json.append('}').toString().getBytes(StandardCharsets.UTF_8));
                    return;
                }
                requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                if (CERT_PATH.equals(path)) {
                    answer(exchange, 200, signerPem);
                } else if (path.startsWith("/confirm")) {
                    answer(exchange, 200, "<ConfirmSubscriptionResponse/>".getBytes(StandardCharsets.UTF_8));
                } else {
                    answer(exchange, 404, new byte[0]);
                }
            });
            server.start();
            String base = "https://localhost:" + server.getAddress().getPort();
            System.setProperty(KEYSTORE, signer.toString());
            System.setProperty(BASE_URL, base);
            return Map.of("accessloop.drift.ingest.sns.certificate-hosts", "localhost",
                    "accessloop.drift.ingest.sns.subscribe-hosts", "localhost",
                    "accessloop.drift.ingest.sns.trust-certificates", dir.resolve("tls.pem").toString());
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the SNS test authority", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static SSLContext tlsContext(Path keystore) throws IOException, java.security.GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
