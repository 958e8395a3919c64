package io.accessloop.bench.cloudtrail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Synthetic CloudTrail log files shaped like real deliveries: assumed-role sessions and IAM users calling S3
 * (data events with two resources), RDS, SQS, Lambda, CloudWatch and KMS, with request parameters, TLS details
 * and a few refusals. Seeded, so every run reads the same bytes.
 */
public final class TrailLogs {

    private static final String[][] CALLS = {
            {"s3.amazonaws.com", "GetObject"}, {"s3.amazonaws.com", "ListObjectsV2"}, {"s3.amazonaws.com", "PutObject"},
            {"s3.amazonaws.com", "HeadObject"}, {"rds.amazonaws.com", "DescribeDBInstances"},
            {"sqs.amazonaws.com", "SendMessage"}, {"lambda.amazonaws.com", "Invoke"},
            {"monitoring.amazonaws.com", "PutMetricData"}, {"kms.amazonaws.com", "Decrypt"},
            {"sts.amazonaws.com", "AssumeRole"}, {"dynamodb.amazonaws.com", "GetItem"},
            {"ec2.amazonaws.com", "DescribeInstances"}};

    private TrailLogs() {
    }

    /** One gzip log file with {@code records} records from {@code principals} roles over 90 days. */
    public static byte[] gzipFile(int records, int principals, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(records * 1200).append("{\"Records\":[");
        Instant start = Instant.parse("2026-09-01T00:00:00Z");
        for (int i = 0; i < records; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String[] call = CALLS[random.nextInt(CALLS.length)];
            int p = random.nextInt(principals);
            Instant t = start.plusSeconds(random.nextInt(90 * 86_400));
            boolean user = p % 10 == 9;
            boolean denied = random.nextInt(200) == 0;
            appendRecord(sb, call[0], call[1], p, user, t, denied, random);
        }
        sb.append("]}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void appendRecord(StringBuilder sb, String source, String name, int p, boolean user, Instant t,
                                     boolean denied, Random random) {
        String account = "123456789012";
        sb.append("{\"eventVersion\":\"1.09\",\"userIdentity\":");
        if (user) {
            sb.append("{\"type\":\"IAMUser\",\"principalId\":\"AIDA").append(p).append("\",\"arn\":\"arn:aws:iam::")
                    .append(account).append(":user/user-").append(p).append("\",\"accountId\":\"").append(account)
                    .append("\",\"accessKeyId\":\"AKIA").append(p).append("\",\"userName\":\"user-").append(p).append("\"}");
        } else {
            sb.append("{\"type\":\"AssumedRole\",\"principalId\":\"AROA").append(p).append(":i-0abc\",\"arn\":\"arn:aws:sts::")
                    .append(account).append(":assumed-role/workload-").append(p).append("/i-0abc\",\"accountId\":\"")
                    .append(account).append("\",\"accessKeyId\":\"ASIA").append(p).append("\",\"sessionContext\":{")
                    .append("\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROA").append(p)
                    .append("\",\"arn\":\"arn:aws:iam::").append(account).append(":role/service/workload-").append(p)
                    .append("\",\"accountId\":\"").append(account).append("\",\"userName\":\"workload-").append(p)
                    .append("\"},\"attributes\":{\"creationDate\":\"2026-09-01T00:00:00Z\",\"mfaAuthenticated\":\"false\"},")
                    .append("\"ec2RoleDelivery\":\"2.0\"}}");
        }
        sb.append(",\"eventTime\":\"").append(t).append("\",\"eventSource\":\"").append(source)
                .append("\",\"eventName\":\"").append(name).append("\",\"awsRegion\":\"eu-west-1\",")
                .append("\"sourceIPAddress\":\"10.0.").append(random.nextInt(255)).append('.').append(random.nextInt(255))
                .append("\",\"userAgent\":\"aws-sdk-java/2.35.10 Linux/6.1 OpenJDK_64-Bit_Server_VM/17\",");
        if (denied) {
            sb.append("\"errorCode\":\"AccessDenied\",\"errorMessage\":\"User is not authorized to perform this action\",");
        }
        String bucket = "bucket-" + (p % 7);
        String key = "data/" + random.nextInt(1000) + ".json";
        sb.append("\"requestParameters\":{\"bucketName\":\"").append(bucket).append("\",\"Host\":\"").append(bucket)
                .append(".s3.eu-west-1.amazonaws.com\",\"key\":\"").append(key).append("\"},")
                .append("\"responseElements\":null,\"additionalEventData\":{\"SignatureVersion\":\"SigV4\",")
                .append("\"CipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"bytesTransferredIn\":0,\"bytesTransferredOut\":")
                .append(random.nextInt(100_000)).append(",\"x-amz-id-2\":\"").append(UUID.randomUUID()).append("\"},")
                .append("\"requestID\":\"").append(UUID.randomUUID()).append("\",\"eventID\":\"").append(UUID.randomUUID())
                .append("\",\"readOnly\":true,");
        if (source.startsWith("s3.")) {
            sb.append("\"resources\":[{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::").append(bucket).append('/')
                    .append(key).append("\"},{\"accountId\":\"").append(account)
                    .append("\",\"type\":\"AWS::S3::Bucket\",\"ARN\":\"arn:aws:s3:::").append(bucket).append("\"}],");
        }
        sb.append("\"eventType\":\"AwsApiCall\",\"managementEvent\":").append(!source.startsWith("s3."))
                .append(",\"recipientAccountId\":\"").append(account).append("\",\"eventCategory\":\"")
                .append(source.startsWith("s3.") ? "Data" : "Management").append("\",\"tlsDetails\":{\"tlsVersion\":")
                .append("\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"")
                .append(source).append("\"}}");
    }
}
