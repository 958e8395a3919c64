package io.accessloop.broker;

import io.accessloop.testsupport.SandboxResource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

import java.util.List;

/** The sandbox account as the tests prepare and use it: the catalog's roles, and clients with any credentials. */
public final class SandboxAccount {

    public static final List<String> ROLES = List.of("prod-readonly", "prod-admin", "prod-oncall", "dev-sandbox");
    static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::000000000000:root"},
             "Action":["sts:AssumeRole","sts:SetSourceIdentity","sts:TagSession"]}]}""";
    static final String PERMISSIONS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Action":["iam:GetRole","iam:ListRoles"],"Resource":"*"}]}""";

    private SandboxAccount() {
    }

    /** Creates the catalog's roles if they are missing. */
    public static void ensureRoles() {
        try (IamClient iam = iam(AwsBasicCredentials.create(SandboxResource.ACCESS_KEY, SandboxResource.SECRET_KEY))) {
            for (String role : ROLES) {
                try {
                    iam.createRole(b -> b.roleName(role).assumeRolePolicyDocument(TRUST).maxSessionDuration(43_200));
                    iam.putRolePolicy(b -> b.roleName(role).policyName("permissions").policyDocument(PERMISSIONS));
                } catch (EntityAlreadyExistsException exists) {
                    // prepared by an earlier test
                }
            }
        }
    }

    public static IamClient iam(AwsCredentials credentials) {
        return IamClient.builder()
                .region(Region.of(SandboxResource.REGION))
                .endpointOverride(SandboxResource.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .build();
    }

    public static IamClient iamWith(String accessKeyId, String secret, String token) {
        return iam(AwsSessionCredentials.create(accessKeyId, secret, token));
    }
}
