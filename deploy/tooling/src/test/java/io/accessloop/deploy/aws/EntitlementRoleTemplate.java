package io.accessloop.deploy.aws;

import io.accessloop.deploy.support.CloudFormation;
import io.accessloop.deploy.support.Repository;
import io.accessloop.iam.policy.Arn;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyKind;
import io.accessloop.iam.policy.PolicyParser;
import io.accessloop.iam.policy.PolicySizeLimits;

import java.util.Map;

/** deploy/aws/accessloop-target-role.yaml as one member account would deploy it for one entitlement role. */
final class EntitlementRoleTemplate {

    private EntitlementRoleTemplate() {
    }

    static CloudFormation forRole(String roleArn) {
        return CloudFormation.load(Repository.path("deploy/aws/accessloop-target-role.yaml"), Map.of(
                "RoleName", Arn.parse(roleArn).resourceName(),
                "AccessloopAccountId", ServiceAwsCalls.OWN,
                "ExternalId", ServiceAwsCalls.EXTERNAL_ID,
                "ManagedPolicyArns", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
    }

    /** The role's trust policy, within IAM's default trust-policy quota. */
    static PolicyDocument trustPolicy(String roleArn) {
        String json = CloudFormation.policyJson(forRole(roleArn).properties("EntitlementRole").get("AssumeRolePolicyDocument"));
        return PolicyParser.parse(json, PolicyKind.TRUST, PolicySizeLimits.Limit.TRUST);
    }
}
