package io.accessloop.portal.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * One WireMock server on a free port standing in for the three services; each service gets its own path prefix
 * ({@code /broker}, {@code /drift}, {@code /lifecycle}) so a test sees which service was called.
 */
public class ServiceStubs implements QuarkusTestResourceLifecycleManager {

    /** Marks the {@link WireMockServer} field that receives the running stub server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String base = "http://localhost:" + server.port();
        return Map.of("accessloop.portal.broker-url", base + "/broker",
                "accessloop.portal.drift-url", base + "/drift",
                "accessloop.portal.lifecycle-url", base + "/lifecycle");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Inject.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
