package io.accessloop.portal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Where the services live. The REST clients read these through {@code quarkus.rest-client.<service>.url}; the mapping
 * is here so a mistyped key under {@code accessloop.portal} fails at start.
 */
@ConfigMapping(prefix = "accessloop.portal")
public interface PortalSettings {

    /** Base URL of broker-service: entitlements, requests, approvals, grants. */
    @WithDefault("http://localhost:8081")
    String brokerUrl();

    /** Base URL of drift-service: findings and right-sizing proposals. */
    @WithDefault("http://localhost:8082")
    String driftUrl();

    /** Base URL of lifecycle-service: audit ledger, offboarding, identity timelines. */
    @WithDefault("http://localhost:8083")
    String lifecycleUrl();

    /**
     * The broker address people's {@code accessloop} CLI uses, shown in My access's set-up hint; unset, the broker
     * URL above (set it when the portal reaches the broker by an internal address).
     */
    Optional<String> cliBrokerUrl();

    /**
     * Seconds the portal keeps a person's view of the entitlement catalog (per access token) before asking the broker
     * again; 0 asks every time. A catalog reload in the broker reaches the request pages within this time.
     */
    @WithDefault("30")
    int catalogCacheSeconds();
}
