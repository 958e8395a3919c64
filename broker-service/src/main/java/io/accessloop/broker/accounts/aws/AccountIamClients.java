package io.accessloop.broker.accounts.aws;

import io.accessloop.broker.accounts.domain.ManagementRole;
import io.accessloop.broker.config.BrokerSettings;
import io.accessloop.kit.aws.AwsSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The IAM client for the account a role lives in: the broker's own client for its home account (and any account
 * without settings), a client on the account's management role for a configured member account. The management
 * role's session is refreshed by the SDK before it expires.
 */
@ApplicationScoped
public class AccountIamClients {

    static final String SESSION_NAME = "accessloop-broker";

    private final IamClient home;
    private final StsClient sts;
    private final AwsSettings aws;
    private final Map<String, ManagementRole> roles;
    private final Map<String, IamClient> members = new ConcurrentHashMap<>();

    AccountIamClients(IamClient home, StsClient sts, AwsSettings aws, BrokerSettings settings) {
        this.home = home;
        this.sts = sts;
        this.aws = aws;
        this.roles = settings.accounts().entrySet().stream()
                .map(e -> new ManagementRole(e.getKey(), e.getValue().managementRoleArn(), e.getValue().externalId()))
                .collect(Collectors.toUnmodifiableMap(ManagementRole::accountId, Function.identity()));
    }

    /** Reads the settings at start, so that a wrong account entry stops the broker instead of a later revocation. */
    void checkAtStart(@Observes StartupEvent start) {
        roles.size();
    }

    /** The client for the account of {@code roleArn}. */
    public IamClient forRole(String roleArn) {
        return ManagementRole.accountOf(roleArn).map(this::forAccount).orElse(home);
    }

    public IamClient forAccount(String accountId) {
        ManagementRole role = roles.get(accountId);
        return role == null ? home : members.computeIfAbsent(accountId, id -> member(role));
    }

    /** The management role configured for an account, if any. */
    public Optional<ManagementRole> managementRole(String accountId) {
        return Optional.ofNullable(roles.get(accountId));
    }

    private IamClient member(ManagementRole role) {
        StsAssumeRoleCredentialsProvider credentials = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .asyncCredentialUpdateEnabled(false)
                .refreshRequest(r -> {
                    r.roleArn(role.roleArn()).roleSessionName(SESSION_NAME).durationSeconds(3600);
                    role.externalId().ifPresent(r::externalId);
                })
                .build();
        var builder = IamClient.builder()
                .region(Region.of(aws.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(credentials);
        aws.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @PreDestroy
    void close() {
        members.values().forEach(IamClient::close);
    }
}
