package io.accessloop.drift.accounts.domain;

import io.accessloop.drift.inventory.domain.AuthorizationDetails;
import io.accessloop.drift.inventory.domain.ConfigHistory;
import io.accessloop.drift.inventory.domain.CredentialReport;
import io.accessloop.drift.inventory.domain.TrailLookup;

/** The AWS ports of one account, reached with that account's credentials (an assumed role, or drift's own). */
public interface AccountPorts {

    ConfigHistory config(String accountId);

    AuthorizationDetails authorizationDetails(String accountId);

    CredentialReport credentialReport(String accountId);

    TrailLookup trail(String accountId);
}
