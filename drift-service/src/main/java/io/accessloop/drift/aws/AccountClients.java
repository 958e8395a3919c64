package io.accessloop.drift.aws;

import io.accessloop.drift.accounts.domain.Account;
import io.accessloop.drift.accounts.domain.Accounts;
import io.accessloop.kit.aws.AwsClients;
import io.accessloop.kit.aws.AwsSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK clients for each watched account. An account with a role gets clients whose credentials come from
 * {@code sts:AssumeRole} on that role (refreshed by the SDK before they expire); every other account, and data of
 * an account nobody configured, uses drift's own clients.
 */
@ApplicationScoped
public class AccountClients {

    private final Accounts accounts;
    private final AwsClients clients;
    private final AwsSettings settings;
    private final IamClient ownIam;
    private final ConfigClient ownConfig;
    private final CloudTrailClient ownCloudTrail;
    private final Map<String, Clients> assumed = new ConcurrentHashMap<>();
    private volatile StsClient sts;

    AccountClients(Accounts accounts, AwsClients clients, AwsSettings settings, IamClient iam, ConfigClient config,
                   CloudTrailClient cloudTrail) {
        this.accounts = accounts;
        this.clients = clients;
        this.settings = settings;
        this.ownIam = iam;
        this.ownConfig = config;
        this.ownCloudTrail = cloudTrail;
    }

    public IamClient iam(String accountId) {
        Clients c = forAccount(accountId);
        return c == null ? ownIam : c.iam();
    }

    public ConfigClient config(String accountId) {
        Clients c = forAccount(accountId);
        return c == null ? ownConfig : c.config();
    }

    public CloudTrailClient cloudTrail(String accountId) {
        Clients c = forAccount(accountId);
        return c == null ? ownCloudTrail : c.cloudTrail();
    }

    /** The assumed-role clients of a configured account with a role; null for drift's own credentials. */
    private Clients forAccount(String accountId) {
        Account account = accounts.reach(accountId);
        if (account.roleArn().isEmpty()) {
            return null;
        }
        return assumed.computeIfAbsent(account.id(), id -> {
            AwsCredentialsProvider credentials = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts())
                    .refreshRequest(r -> {
                        r.roleArn(account.roleArn().get()).roleSessionName(account.sessionName());
                        account.externalId().ifPresent(r::externalId);
                    })
                    .build();
            return new Clients(build(IamClient.builder(), credentials), build(ConfigClient.builder(), credentials),
                    build(CloudTrailClient.builder(), credentials));
        });
    }

    private synchronized StsClient sts() {
        if (sts == null) {
            sts = clients.build(StsClient.builder());
        }
        return sts;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder,
                                                                                     AwsCredentialsProvider credentials) {
        builder.region(Region.of(settings.region())).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @PreDestroy
    void close() {
        List<SdkClient> open = new ArrayList<>();
        assumed.values().forEach(c -> open.addAll(List.of(c.iam(), c.config(), c.cloudTrail())));
        if (sts != null) {
            open.add(sts);
        }
        open.forEach(SdkClient::close);
    }

    private record Clients(IamClient iam, ConfigClient config, CloudTrailClient cloudTrail) {
    }
}
