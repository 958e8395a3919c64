package io.accessloop.drift.ingest.service;

import io.accessloop.drift.ingest.config.IngestSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two https fetches SNS needs: signing certificates (kept in a small LRU cache, so a burst of notifications
 * fetches each certificate once) and subscription confirmations. Redirects are never followed, so an allow-listed
 * host cannot send drift elsewhere. Callers check the host allow-lists first.
 */
@ApplicationScoped
public class SnsEndpoints {

    private static final int MAX_CERTIFICATE_BYTES = 64 * 1024;

    private final IngestSettings.Sns settings;
    private final HttpClient http;
    private final Map<URI, X509Certificate> certificates;

    SnsEndpoints(IngestSettings settings) {
        this.settings = settings.sns();
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(this.settings.fetchTimeout()).sslContext(sslContext(this.settings)).build();
        int size = this.settings.certificateCacheSize();
        this.certificates = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<URI, X509Certificate> eldest) {
                return size() > size;
            }
        });
    }

    /** The certificate at {@code url}, from the cache or fetched; fails when it cannot be had or is not valid now. */
    public Uni<X509Certificate> certificate(URI url) {
        X509Certificate cached = certificates.get(url);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return onCallersContext(Uni.createFrom().completionStage(() -> http.sendAsync(request(url),
                        HttpResponse.BodyHandlers.ofByteArray())))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new SnsFetchException("signing certificate answered " + response.statusCode());
                    }
                    if (response.body().length > MAX_CERTIFICATE_BYTES) {
                        throw new SnsFetchException("signing certificate is larger than " + MAX_CERTIFICATE_BYTES);
                    }
                    X509Certificate certificate = parse(response.body());
                    certificates.put(url, certificate);
                    return certificate;
                });
    }

    /** Confirms a subscription by fetching its SubscribeURL; the HTTP status SNS answered. */
    public Uni<Integer> confirm(URI subscribeUrl) {
        return onCallersContext(Uni.createFrom().completionStage(() -> http.sendAsync(request(subscribeUrl),
                HttpResponse.BodyHandlers.discarding()))).map(HttpResponse::statusCode);
    }

    /**
     * The HTTP client completes on its own threads; the request goes on (database, response) on the Vert.x context
     * it came from.
     */
    private static <T> Uni<T> onCallersContext(Uni<T> fetch) {
        Context context = Vertx.currentContext();
        return context == null ? fetch : fetch.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private HttpRequest request(URI url) {
        return HttpRequest.newBuilder(url).timeout(settings.fetchTimeout()).GET().build();
    }

    private static X509Certificate parse(byte[] pem) {
        try {
            Certificate certificate = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem));
            if (!(certificate instanceof X509Certificate x509)) {
                throw new SnsFetchException("signing certificate is not X.509");
            }
            return x509;
        } catch (GeneralSecurityException e) {
            throw new SnsFetchException("signing certificate is unreadable: " + e.getMessage());
        }
    }

    private static SSLContext sslContext(IngestSettings.Sns settings) {
        try {
            if (settings.trustCertificates().isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            int i = 0;
            for (var manager : defaults.getTrustManagers()) {
                if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                    for (X509Certificate ca : x509.getAcceptedIssuers()) {
                        trust.setCertificateEntry("default-" + i++, ca);
                    }
                }
            }
            try (InputStream in = Files.newInputStream(Path.of(settings.trustCertificates().get()))) {
                for (Certificate extra : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trust.setCertificateEntry("extra-" + i++, extra);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read accessloop.drift.ingest.sns.trust-certificates: "
                    + e.getMessage(), e);
        }
    }

    /** A certificate or confirmation could not be fetched. */
    public static final class SnsFetchException extends RuntimeException {
        public SnsFetchException(String message) {
            super(message);
        }
    }
}
