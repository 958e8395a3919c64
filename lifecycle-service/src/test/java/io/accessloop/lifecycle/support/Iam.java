package io.accessloop.lifecycle.support;

import io.accessloop.testsupport.SandboxResource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/** The real AWS SDK against the aws-sandbox, for arranging and checking IAM state in tests. */
public final class Iam {

    private static IamClient client;

    private Iam() {
    }

    public static synchronized IamClient client() {
        if (client == null) {
            client = IamClient.builder().region(Region.AWS_GLOBAL)
                    .endpointOverride(SandboxResource.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(SandboxResource.ACCESS_KEY, SandboxResource.SECRET_KEY)))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return client;
    }

    /** A person's IAM user with two keys, a console password, a group, an inline and a managed policy, a virtual MFA. */
    public static void userWithEverything(String email, String suffix) {
        IamClient iam = client();
        String group = "grp-" + suffix;
        iam.createUser(b -> b.userName(email));
        iam.createAccessKey(b -> b.userName(email));
        iam.createAccessKey(b -> b.userName(email));
        iam.createLoginProfile(b -> b.userName(email).password("Sandbox-Passw0rd!-" + suffix));
        iam.createGroup(b -> b.groupName(group));
        iam.addUserToGroup(b -> b.groupName(group).userName(email));
        iam.putUserPolicy(b -> b.userName(email).policyName("inline-" + suffix).policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));
        String policyArn = iam.createPolicy(b -> b.policyName("managed-" + suffix).policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:ListQueues\",\"Resource\":\"*\"}]}"))
                .policy().arn();
        iam.attachUserPolicy(b -> b.userName(email).policyArn(policyArn));
        String serial = iam.createVirtualMFADevice(b -> b.virtualMFADeviceName("mfa-" + suffix))
                .virtualMFADevice().serialNumber();
        iam.enableMFADevice(b -> b.userName(email).serialNumber(serial).authenticationCode1("123456")
                .authenticationCode2("654321"));
    }

    public static void roleOwnedBy(String roleName, String email) {
        client().createRole(b -> b.roleName(roleName).assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")
                .tags(Tag.builder().key("accessloop:owner").value(email).build()));
    }

    public static boolean userExists(String name) {
        try {
            client().getUser(b -> b.userName(name));
            return true;
        } catch (NoSuchEntityException e) {
            return false;
        }
    }

    public static String roleTag(String role, String key) {
        return client().listRoleTags(b -> b.roleName(role)).tags().stream().filter(t -> t.key().equals(key))
                .map(Tag::value).findFirst().orElse(null);
    }
}
