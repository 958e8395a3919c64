package io.accessloop.drift.accounts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * The AWS accounts drift watches ({@code accessloop.drift.accounts[0].id=…}). Without any, drift watches the account
 * its own credentials ({@code accessloop.aws.*}) belong to.
 */
@ConfigMapping(prefix = "accessloop.drift")
public interface AccountsSettings {

    /** Watched accounts, each optionally reached through a role drift assumes there. */
    Optional<List<AccountEntry>> accounts();

    /** One watched account. */
    interface AccountEntry {

        /** The 12-digit account id. */
        String id();

        /** Role assumed (sts:AssumeRole) for the account's IAM, Config and CloudTrail calls; unset: drift's own credentials. */
        Optional<String> roleArn();

        /** External id the role's trust policy asks for. */
        Optional<String> externalId();

        /** Role session name (shows in the account's CloudTrail). */
        @WithDefault("accessloop-drift")
        String sessionName();
    }
}
