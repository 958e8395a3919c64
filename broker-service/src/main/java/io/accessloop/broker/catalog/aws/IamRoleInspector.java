package io.accessloop.broker.catalog.aws;

import io.accessloop.broker.accounts.aws.AccountIamClients;
import io.accessloop.broker.aws.AwsErrors;
import io.accessloop.broker.catalog.domain.RoleFacts;
import io.accessloop.broker.catalog.domain.RoleInspector;
import io.accessloop.iam.policy.PolicyParser;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.Optional;

/** IAM GetRole (in the role's account) for the catalog check; the broker's own ARN from STS GetCallerIdentity. */
@ApplicationScoped
public class IamRoleInspector implements RoleInspector {

    private final AccountIamClients accounts;
    private final StsClient sts;
    private volatile String brokerArn;

    IamRoleInspector(AccountIamClients accounts, StsClient sts) {
        this.accounts = accounts;
        this.sts = sts;
    }

    @Override
    public Optional<RoleFacts> inspect(String roleArn) {
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return AwsErrors.call("iam:GetRole " + name, () -> {
            try {
                Role role = accounts.forRole(roleArn).getRole(b -> b.roleName(name)).role();
                if (!role.arn().equals(roleArn)) {
                    return Optional.empty();
                }
                return Optional.of(new RoleFacts(PolicyParser.decode(role.assumeRolePolicyDocument()),
                        role.maxSessionDuration() == null ? 3600 : role.maxSessionDuration()));
            } catch (NoSuchEntityException missing) {
                return Optional.empty();
            }
        });
    }

    @Override
    public String brokerArn() {
        if (brokerArn == null) {
            brokerArn = AwsErrors.call("sts:GetCallerIdentity", () -> sts.getCallerIdentity().arn());
        }
        return brokerArn;
    }
}
