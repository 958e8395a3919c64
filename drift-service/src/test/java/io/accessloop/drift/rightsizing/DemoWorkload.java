package io.accessloop.drift.rightsizing;

import io.accessloop.testsupport.SandboxResource;
import io.restassured.path.json.JsonPath;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The sandbox demo's reporting workload, driven from tests: a session of its role (the test lets the account
 * assume it) making calls through {@code /_sandbox/simulate}, so they are authorised by the role's real policies
 * and recorded in CloudTrail.
 */
final class DemoWorkload implements AutoCloseable {

    static final String ACCOUNT = SandboxResource.ACCOUNT;
    static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/workload-reporting";

    final IamClient iam;
    private Credentials session;

    DemoWorkload() {
        iam = IamClient.builder().endpointOverride(SandboxResource.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(root()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static StaticCredentialsProvider root() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(SandboxResource.ACCESS_KEY,
                SandboxResource.SECRET_KEY));
    }

    /** Seeds the demo and opens a session of the reporting role. */
    void seed() {
        SandboxResource.control("/_sandbox/seed/demo", "{}");
        iam.updateAssumeRolePolicy(r -> r.roleName("workload-reporting").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"},{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
                + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"));
        try (StsClient sts = StsClient.builder().endpointOverride(SandboxResource.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(root()).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            session = sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("i-0a1b2c3d4e5f60718")
                    .durationSeconds(3600)).credentials();
        }
    }

    /** One call of the workload; answers whether it was allowed. */
    boolean call(String action, String eventName, String resource, int count) {
        return simulate(action, eventName, resource, count).getBoolean("allowed");
    }

    /** One call of the workload; answers the sandbox's reply (decision, CloudTrail event ids). */
    JsonPath simulate(String action, String eventName, String resource, int count) {
        String body = "{\"accessKeyId\":\"" + session.accessKeyId() + "\",\"secretAccessKey\":\""
                + session.secretAccessKey() + "\",\"sessionToken\":\"" + session.sessionToken() + "\",\"action\":\""
                + action + "\",\"eventName\":\"" + eventName + "\",\"resource\":\"" + resource + "\",\"count\":" + count + "}";
        return JsonPath.from(SandboxResource.control("/_sandbox/simulate", body));
    }

    /** The daily round: list the reports bucket and read the report. */
    boolean dailyRound() {
        return call("s3:ListBucket", "ListObjectsV2", "arn:aws:s3:::acme-reports", 1)
                & call("s3:GetObject", "GetObject", "arn:aws:s3:::acme-reports/daily/report.csv", 1);
    }

    @Override
    public void close() {
        iam.close();
    }
}
