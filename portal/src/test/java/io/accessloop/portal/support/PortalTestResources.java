package io.accessloop.portal.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The portal's test infrastructure, shared by every {@code @QuarkusTest} (one Quarkus start per test JVM): the
 * WireMock OIDC provider and the WireMock stand-in for the three services.
 */
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ServiceStubs.class)
public final class PortalTestResources {

    private PortalTestResources() {
    }
}
