package io.accessloop.broker;

import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

import java.util.Map;

/**
 * The sandbox has one account, so the member-account set-up is modelled inside it: the broker reaches IAM only
 * through a management role that asks for an external id, as it would in a member account. Every test of the module
 * therefore runs its revocations and catalog checks through that role.
 */
public class ManagementRoleResource implements QuarkusTestResourceLifecycleManager {

    public static final String ROLE = "accessloop-management";
    public static final String ROLE_ARN = "arn:aws:iam::000000000000:role/" + ROLE;
    public static final String EXTERNAL_ID = "accessloop-test-external-id";

    private static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"sts:AssumeRole",
             "Condition":{"StringEquals":{"sts:ExternalId":"%s"}}}]}""".formatted(EXTERNAL_ID);
    private static final String PERMISSIONS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Action":["iam:GetRole","iam:PutRolePolicy","iam:DeleteRolePolicy","iam:ListRolePolicies",
                       "iam:GetRolePolicy"],
             "Resource":"arn:aws:iam::000000000000:role/*"}]}""";

    @Override
    public Map<String, String> start() {
        try (IamClient iam = SandboxAccount.iam(AwsBasicCredentials.create(SandboxResource.ACCESS_KEY,
                SandboxResource.SECRET_KEY))) {
            try {
                iam.createRole(b -> b.roleName(ROLE).assumeRolePolicyDocument(TRUST));
            } catch (EntityAlreadyExistsException exists) {
                // one sandbox serves the whole test JVM
            }
            iam.putRolePolicy(b -> b.roleName(ROLE).policyName("broker-management").policyDocument(PERMISSIONS));
        }
        return Map.of("accessloop.broker.accounts.\"000000000000\".management-role-arn", ROLE_ARN,
                "accessloop.broker.accounts.\"000000000000\".external-id", EXTERNAL_ID);
    }

    @Override
    public void stop() {
        // the role lives as long as the sandbox
    }
}
