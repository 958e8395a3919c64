package io.accessloop.iam.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a CloudTrail {@code eventSource}/{@code eventName} does not name the IAM action it needs: event sources
 * whose host is not the service prefix, and API operations authorised by differently named actions. Every other
 * event maps to {@code <prefix>:<eventName>} when the catalog knows that action.
 */
final class CloudTrailMismatches {

    /** Event source host (before {@code .amazonaws.com}) → IAM service prefix, where they differ. */
    static final Map<String, String> SOURCE_TO_PREFIX = Map.ofEntries(
            Map.entry("monitoring", "cloudwatch"),
            Map.entry("email", "ses"),
            Map.entry("tagging", "tag"),
            Map.entry("api.ecr", "ecr"),
            Map.entry("ecr-public", "ecr-public"),
            Map.entry("api.mediatailor", "mediatailor"),
            Map.entry("data.iot", "iot"),
            Map.entry("iot-data", "iot"));

    private static final Map<String, Map<String, Set<String>>> BY_SERVICE = new HashMap<>();

    static {
        Map<String, Set<String>> s3 = service("s3");
        put(s3, "s3:ListBucket", "ListObjects", "ListObjectsV2", "HeadBucket");
        put(s3, "s3:ListBucketVersions", "ListObjectVersions");
        put(s3, "s3:GetObject", "HeadObject", "SelectObjectContent");
        put(s3, "s3:PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload");
        s3.put("copyobject", Set.of("s3:PutObject", "s3:GetObject"));
        s3.put("uploadpartcopy", Set.of("s3:PutObject", "s3:GetObject"));
        put(s3, "s3:ListBucketMultipartUploads", "ListMultipartUploads");
        put(s3, "s3:ListMultipartUploadParts", "ListParts");
        put(s3, "s3:DeleteObject", "DeleteObjects");
        put(s3, "s3:ListAllMyBuckets", "ListBuckets");
        put(s3, "s3:GetLifecycleConfiguration", "GetBucketLifecycle", "GetBucketLifecycleConfiguration");
        put(s3, "s3:PutLifecycleConfiguration", "PutBucketLifecycle", "PutBucketLifecycleConfiguration",
                "DeleteBucketLifecycle");
        put(s3, "s3:GetEncryptionConfiguration", "GetBucketEncryption");
        put(s3, "s3:PutEncryptionConfiguration", "PutBucketEncryption", "DeleteBucketEncryption");
        put(s3, "s3:GetReplicationConfiguration", "GetBucketReplication");
        put(s3, "s3:PutReplicationConfiguration", "PutBucketReplication", "DeleteBucketReplication");
        put(s3, "s3:GetBucketCORS", "GetBucketCors");
        put(s3, "s3:PutBucketCORS", "PutBucketCors", "DeleteBucketCors");
        put(s3, "s3:PutBucketTagging", "DeleteBucketTagging");
        put(s3, "s3:GetBucketNotification", "GetBucketNotificationConfiguration");
        put(s3, "s3:PutBucketNotification", "PutBucketNotificationConfiguration");
        put(s3, "s3:PutBucketPublicAccessBlock", "DeleteBucketPublicAccessBlock");
        put(s3, "s3:PutBucketOwnershipControls", "DeleteBucketOwnershipControls");
        put(s3, "s3:GetAccelerateConfiguration", "GetBucketAccelerateConfiguration");
        put(s3, "s3:PutAccelerateConfiguration", "PutBucketAccelerateConfiguration");
        put(s3, "s3:GetAnalyticsConfiguration", "GetBucketAnalyticsConfiguration",
                "ListBucketAnalyticsConfigurations");
        put(s3, "s3:PutAnalyticsConfiguration", "PutBucketAnalyticsConfiguration",
                "DeleteBucketAnalyticsConfiguration");
        put(s3, "s3:GetInventoryConfiguration", "GetBucketInventoryConfiguration",
                "ListBucketInventoryConfigurations");
        put(s3, "s3:PutInventoryConfiguration", "PutBucketInventoryConfiguration",
                "DeleteBucketInventoryConfiguration");
        put(s3, "s3:GetMetricsConfiguration", "GetBucketMetricsConfiguration", "ListBucketMetricsConfigurations");
        put(s3, "s3:PutMetricsConfiguration", "PutBucketMetricsConfiguration", "DeleteBucketMetricsConfiguration");
        put(s3, "s3:GetIntelligentTieringConfiguration", "GetBucketIntelligentTieringConfiguration",
                "ListBucketIntelligentTieringConfigurations");
        put(s3, "s3:PutIntelligentTieringConfiguration", "PutBucketIntelligentTieringConfiguration",
                "DeleteBucketIntelligentTieringConfiguration");
        put(s3, "s3:GetBucketObjectLockConfiguration", "GetObjectLockConfiguration");
        put(s3, "s3:PutBucketObjectLockConfiguration", "PutObjectLockConfiguration");

        Map<String, Set<String>> lambda = service("lambda");
        put(lambda, "lambda:InvokeFunction", "Invoke", "InvokeAsync", "InvokeWithResponseStream");

        Map<String, Set<String>> sqs = service("sqs");
        put(sqs, "sqs:SendMessage", "SendMessageBatch");
        put(sqs, "sqs:DeleteMessage", "DeleteMessageBatch");
        put(sqs, "sqs:ChangeMessageVisibility", "ChangeMessageVisibilityBatch");

        Map<String, Set<String>> sns = service("sns");
        put(sns, "sns:Publish", "PublishBatch");

        Map<String, Set<String>> dynamodb = service("dynamodb");
        put(dynamodb, "dynamodb:GetItem", "TransactGetItems");
        dynamodb.put("transactwriteitems", Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                "dynamodb:ConditionCheckItem"));

        Map<String, Set<String>> secrets = service("secretsmanager");
        secrets.put("batchgetsecretvalue",
                Set.of("secretsmanager:BatchGetSecretValue", "secretsmanager:GetSecretValue"));

        Map<String, Set<String>> signin = service("signin");
        signin.put("consolelogin", Set.of());
        signin.put("checkmfa", Set.of());
    }

    private CloudTrailMismatches() {
    }

    private static Map<String, Set<String>> service(String prefix) {
        return BY_SERVICE.computeIfAbsent(prefix, p -> new HashMap<>());
    }

    private static void put(Map<String, Set<String>> table, String action, String... eventNames) {
        for (String eventName : eventNames) {
            table.put(eventName.toLowerCase(Locale.ROOT), Set.of(action));
        }
    }

    /** The actions an event needs when it is one of the known mismatches, or {@code null}. */
    static Set<String> lookup(String prefix, String eventName) {
        Map<String, Set<String>> table = BY_SERVICE.get(prefix);
        return table == null ? null : table.get(eventName.toLowerCase(Locale.ROOT));
    }

    /** Every action named by the mismatch tables, so a test can prove each is a real action. */
    static Set<String> allTargetActions() {
        Set<String> all = new TreeSet<>();
        BY_SERVICE.values().forEach(table -> table.values().forEach(all::addAll));
        return all;
    }
}
