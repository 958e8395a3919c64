package io.accessloop.portal.access;

import io.accessloop.portal.config.PortalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How to set up the {@code accessloop} CLI against this installation: the broker and issuer addresses, so that the
 * AWS CLI gets fresh credentials through {@code credential_process} and no key is ever stored.
 */
@ApplicationScoped
public class CliHint {

    private final String brokerUrl;
    private final String issuer;

    CliHint(PortalSettings settings, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.brokerUrl = settings.cliBrokerUrl().filter(u -> !u.isBlank()).orElse(settings.brokerUrl());
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public String issuer() {
        return issuer;
    }

    /** A profile name for an entitlement, as the CLI's {@code configure --profile} would take it. */
    public String profile(String entitlement) {
        return "accessloop-" + entitlement.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }
}
