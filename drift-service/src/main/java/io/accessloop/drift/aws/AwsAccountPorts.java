package io.accessloop.drift.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.accounts.domain.AccountPorts;
import io.accessloop.drift.inventory.domain.AuthorizationDetails;
import io.accessloop.drift.inventory.domain.ConfigHistory;
import io.accessloop.drift.inventory.domain.CredentialReport;
import io.accessloop.drift.inventory.domain.TrailLookup;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link AccountPorts} over the SDK clients of each account. */
@ApplicationScoped
public class AwsAccountPorts implements AccountPorts {

    private final AccountClients clients;
    private final ObjectMapper mapper;

    AwsAccountPorts(AccountClients clients, ObjectMapper mapper) {
        this.clients = clients;
        this.mapper = mapper;
    }

    @Override
    public ConfigHistory config(String accountId) {
        return new ConfigApiHistory(clients.config(accountId), mapper);
    }

    @Override
    public AuthorizationDetails authorizationDetails(String accountId) {
        return new IamAuthorizationDetails(clients.iam(accountId));
    }

    @Override
    public CredentialReport credentialReport(String accountId) {
        return new IamCredentialReport(clients.iam(accountId));
    }

    @Override
    public TrailLookup trail(String accountId) {
        return new CloudTrailLookup(clients.cloudTrail(accountId));
    }
}
