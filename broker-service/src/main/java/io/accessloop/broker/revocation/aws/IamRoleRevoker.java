package io.accessloop.broker.revocation.aws;

import io.accessloop.broker.accounts.aws.AccountIamClients;
import io.accessloop.broker.aws.AwsErrors;
import io.accessloop.broker.revocation.domain.RoleRevoker;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.iam.policy.PolicySizeLimits;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** Writes a role's revocation policy with IAM PutRolePolicy / DeleteRolePolicy, in the role's own account. */
@ApplicationScoped
public class IamRoleRevoker implements RoleRevoker {

    private final AccountIamClients accounts;

    IamRoleRevoker(AccountIamClients accounts) {
        this.accounts = accounts;
    }

    @Override
    public void putPolicy(String roleArn, String policyName, String policyJson) {
        String role = roleName(roleArn);
        AwsErrors.call("iam:PutRolePolicy " + role, () -> accounts.forRole(roleArn).putRolePolicy(b -> b.roleName(role)
                .policyName(policyName).policyDocument(policyJson)));
    }

    @Override
    public void deletePolicy(String roleArn, String policyName) {
        String role = roleName(roleArn);
        AwsErrors.call("iam:DeleteRolePolicy " + role, () -> {
            try {
                return accounts.forRole(roleArn).deleteRolePolicy(b -> b.roleName(role).policyName(policyName));
            } catch (NoSuchEntityException alreadyGone) {
                return null;
            }
        });
    }

    @Override
    public int otherInlineCharacters(String roleArn, String policyName) {
        String role = roleName(roleArn);
        return AwsErrors.call("iam:ListRolePolicies " + role, () -> {
            var iam = accounts.forRole(roleArn);
            int total = 0;
            for (String name : iam.listRolePoliciesPaginator(b -> b.roleName(role)).policyNames()) {
                if (!name.equals(policyName)) {
                    String document = iam.getRolePolicy(b -> b.roleName(role).policyName(name)).policyDocument();
                    total += PolicySizeLimits.countedCharacters(PolicyParser.decode(document));
                }
            }
            return total;
        });
    }

    static String roleName(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }
}
