package io.accessloop.portal.e2e;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;

/** AWS SDK clients for the aws-sandbox account, with the sandbox's root key or a person's session keys. */
final class SandboxAccount {

    static final String ROLE_NAME = "entitlement-iam-read";
    private static final String BROKER_USER = "arn:aws:iam::000000000000:user/accessloop-broker";

    private final URI endpoint;

    SandboxAccount(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * The role behind the test catalog's {@code iam-read} entitlement: trusted by the demo broker user (with source
     * identity and session tags, as the broker requires) and allowed to read IAM roles, which the sandbox serves.
     */
    void createIamReadRole() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + BROKER_USER + "\"},\"Action\":[\"sts:AssumeRole\",\"sts:SetSourceIdentity\",\"sts:TagSession\"]}]}";
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"iam:ListRoles\",\"iam:GetRole\"],\"Resource\":\"*\"}]}";
        try (IamClient iam = iam(AwsBasicCredentials.create("test", "test"))) {
            iam.createRole(b -> b.roleName(ROLE_NAME).path("/accessloop/").assumeRolePolicyDocument(trust)
                    .maxSessionDuration(3600).description("End-to-end test: read IAM roles"));
            iam.putRolePolicy(b -> b.roleName(ROLE_NAME).policyName("iam-read").policyDocument(policy));
        }
    }

    IamClient iam(String accessKeyId, String secretAccessKey, String sessionToken) {
        return iam(AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
    }

    StsClient sts(String accessKeyId, String secretAccessKey, String sessionToken) {
        return StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken)))
                .build();
    }

    private IamClient iam(AwsCredentials credentials) {
        return IamClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .build();
    }
}
