package io.accessloop.broker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of the broker: where the catalog lives, how long requests wait, how sessions and revocations behave. */
@ConfigMapping(prefix = "accessloop.broker")
public interface BrokerSettings {

    /** Folder of entitlement YAML files (*.yaml, *.yml); reloaded when its content changes. */
    @WithDefault("catalog")
    Path catalogDir();

    /** How often the catalog folder is checked for changes. */
    @WithDefault("5s")
    Duration catalogReloadInterval();

    /** A pending request nobody decided within this time expires. */
    @WithDefault("PT24H")
    Duration requestTtl();

    /** How often pending requests past their time are expired. */
    @WithDefault("30s")
    Duration requestExpiryInterval();

    /** Console sign-in settings. */
    Console console();

    /** Revocation settings. */
    Revocation revocation();

    /**
     * Member accounts, keyed by their 12-digit id, whose IAM the broker reaches through a role it assumes there
     * (revocation policies, the catalog's role check). Accounts not listed are reached with the broker's own
     * credentials.
     */
    Map<String, Account> accounts();

    interface Account {

        /** The role the broker assumes in the member account for its IAM calls. */
        String managementRoleArn();

        /** The external id that role's trust policy asks for, if any. */
        Optional<String> externalId();
    }

    interface Console {

        /** The AWS federation endpoint (getSigninToken and login). */
        @WithDefault("https://signin.aws.amazon.com/federation")
        URI federationEndpoint();

        /** Where the console opens when the caller names no destination. */
        @WithDefault("https://console.aws.amazon.com/")
        String defaultDestination();

        /** The issuer shown by the console's sign-out page. */
        @WithDefault("accessloop")
        String issuer();
    }

    interface Revocation {

        /** Name of the inline role policy that carries the denies. */
        @WithDefault("accessloop-revocations")
        String policyName();

        /** How long verification retries the probe before recording the revocation as unverified. */
        @WithDefault("10s")
        Duration verifyTimeout();

        /** How often entries that can no longer match a live session are pruned. */
        @WithDefault("5m")
        Duration pruneInterval();
    }
}
