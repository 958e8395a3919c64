package io.accessloop.sandbox.advisor;

import java.util.Map;
import java.util.Set;

/** Display names of the service namespaces Access Advisor reports on. */
public final class ServiceNames {

    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("iam", "AWS Identity and Access Management"),
            Map.entry("sts", "AWS Security Token Service"),
            Map.entry("s3", "Amazon S3"),
            Map.entry("rds", "Amazon RDS"),
            Map.entry("lambda", "AWS Lambda"),
            Map.entry("ec2", "Amazon EC2"),
            Map.entry("dynamodb", "Amazon DynamoDB"),
            Map.entry("sqs", "Amazon SQS"),
            Map.entry("sns", "Amazon SNS"),
            Map.entry("kms", "AWS Key Management Service"),
            Map.entry("cloudtrail", "AWS CloudTrail"),
            Map.entry("config", "AWS Config"),
            Map.entry("cloudwatch", "Amazon CloudWatch"),
            Map.entry("logs", "Amazon CloudWatch Logs"),
            Map.entry("secretsmanager", "AWS Secrets Manager"),
            Map.entry("ssm", "AWS Systems Manager"));

    private ServiceNames() {
    }

    public static Set<String> known() {
        return NAMES.keySet();
    }

    public static String name(String namespace) {
        return NAMES.getOrDefault(namespace, namespace);
    }
}
