package io.accessloop.drift.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.accounts.domain.Account;
import io.accessloop.drift.accounts.domain.Accounts;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.kit.aws.AwsClients;
import io.accessloop.kit.aws.AwsSettings;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.model.StsException;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A watched account with a role is read through {@code sts:AssumeRole} on that role (with its external id). The
 * aws-sandbox models one account, so the role lives in the same account drift's own credentials belong to; what is
 * proven is that every call of that account's clients is made by the assumed role, as CloudTrail records it.
 */
@QuarkusTest
class AccountClientsTest {

    static final String ACCOUNT = "000000000000";

    @Inject
    AwsClients clients;
    @Inject
    AwsSettings settings;
    @Inject
    IamClient iam;
    @Inject
    ConfigClient config;
    @Inject
    CloudTrailClient cloudTrail;
    @Inject
    ObjectMapper mapper;

    @Test
    void anAccountWithARoleIsReadThroughTheAssumedRoleAndItsExternalId() throws IOException {
        String role = "drift-reader-" + UUID.randomUUID().toString().substring(0, 8);
        String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/" + role;
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"drift-ext-1\"}}}]}"));
        iam.putRolePolicy(r -> r.roleName(role).policyName("read").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:Get*\",\"iam:List*\",\"config:*\","
                + "\"cloudtrail:LookupEvents\"],\"Resource\":\"*\"}]}"));
        AccountClients viaRole = clientsFor(roleArn, "drift-ext-1");
        AccountClients wrongExternalId = clientsFor(roleArn, "someone-else");
        try {
            List<IamSnapshot> snapshot = new AwsAccountPorts(viaRole, mapper).authorizationDetails(ACCOUNT)
                    .snapshot(Instant.now());
            assertThat(snapshot).extracting(IamSnapshot::arn).contains(roleArn);

            List<String> callers = cloudTrail.lookupEvents(r -> r.lookupAttributes(a -> a
                            .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("GetAccountAuthorizationDetails"))
                            .maxResults(50))
                    .events().stream().map(e -> userArn(e.cloudTrailEvent())).toList();
            assertThat(callers).contains("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/accessloop-drift");

            assertThatThrownBy(() -> wrongExternalId.iam(ACCOUNT).listRoles()).isInstanceOf(StsException.class);
            // data of an account nobody configured is read with drift's own credentials
            assertThat(viaRole.iam("123456789012")).isSameAs(iam);
        } finally {
            viaRole.close();
            wrongExternalId.close();
            iam.deleteRolePolicy(r -> r.roleName(role).policyName("read"));
            iam.deleteRole(r -> r.roleName(role));
        }
    }

    private AccountClients clientsFor(String roleArn, String externalId) {
        Accounts accounts = new Accounts(List.of(new Account(ACCOUNT, Optional.of(roleArn), Optional.of(externalId),
                "accessloop-drift")));
        return new AccountClients(accounts, clients, settings, iam, config, cloudTrail);
    }

    private String userArn(String event) {
        try {
            JsonNode node = mapper.readTree(event);
            return node.path("userIdentity").path("arn").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
