package io.accessloop.bench.e2e;

import java.time.Instant;
import java.util.UUID;

/** A Config Configuration Item Change (EventBridge shape) for an unmanaged role, one distinct id per change. */
final class ConfigChanges {

    private ConfigChanges() {
    }

    static String roleChange() {
        return "{\"version\":\"0\",\"id\":\"@ID@\",\"detail-type\":\"Config Configuration Item Change\","
                + "\"source\":\"aws.config\",\"account\":\"000000000000\",\"time\":\"@TIME@\",\"region\":\"us-east-1\","
                + "\"resources\":[\"arn:aws:iam::000000000000:role/bench/@NAME@\"],\"detail\":{\"recordVersion\":\"1.3\","
                + "\"messageType\":\"ConfigurationItemChangeNotification\",\"configurationItemDiff\":{\"changedProperties\":{},"
                + "\"changeType\":\"UPDATE\"},\"notificationCreationTime\":\"@TIME@\",\"configurationItem\":{"
                + "\"relatedEvents\":[],\"relationships\":[],\"configuration\":{\"path\":\"/bench/\",\"roleName\":\"@NAME@\","
                + "\"roleId\":\"AROABENCH@NAME@\",\"arn\":\"arn:aws:iam::000000000000:role/bench/@NAME@\","
                + "\"createDate\":\"2026-11-02T08:00:00.000Z\",\"assumeRolePolicyDocument\":\"%7B%22Version%22%3A%222012-10-17%22%2C"
                + "%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A"
                + "000000000000%3Aroot%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D\",\"instanceProfileList\":[],"
                + "\"rolePolicyList\":[{\"policyName\":\"read\",\"policyDocument\":\"%7B%22Version%22%3A%222012-10-17%22%2C"
                + "%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource"
                + "%22%3A%22arn%3Aaws%3As3%3A%3A%3Abench%2F@SEQ@%22%7D%5D%7D\"}],\"attachedManagedPolicies\":[],"
                + "\"permissionsBoundary\":null,\"tags\":[],\"roleLastUsed\":null},\"supplementaryConfiguration\":{},"
                + "\"tags\":{},\"configurationItemVersion\":\"1.3\",\"configurationItemCaptureTime\":\"@TIME@\","
                + "\"configurationStateId\":@SEQ@,\"awsAccountId\":\"000000000000\",\"configurationItemStatus\":\"OK\","
                + "\"resourceType\":\"AWS::IAM::Role\",\"resourceId\":\"AROABENCH@NAME@\",\"resourceName\":\"@NAME@\","
                + "\"ARN\":\"arn:aws:iam::000000000000:role/bench/@NAME@\",\"awsRegion\":\"global\","
                + "\"availabilityZone\":\"Not Applicable\",\"configurationStateMd5Hash\":\"\","
                + "\"resourceCreationTime\":\"2026-11-02T08:00:00.000Z\"}}}";
    }

    static String fill(String template, long sequence, String run) {
        return template.replace("@ID@", UUID.randomUUID().toString())
                .replace("@TIME@", Instant.now().toString())
                .replace("@NAME@", "bench-" + run + "-" + (sequence % 1000))
                .replace("@SEQ@", Long.toString(System.currentTimeMillis() * 1000 + sequence % 1000));
    }
}
