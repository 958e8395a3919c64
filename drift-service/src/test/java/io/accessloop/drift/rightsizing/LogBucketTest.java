package io.accessloop.drift.rightsizing;

import io.accessloop.drift.rightsizing.service.UsageCollector;
import io.accessloop.drift.rightsizing.usage.ReadStats;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** CloudTrail log files read from an S3 bucket (the sandbox's S3), streamed, each file once. */
@QuarkusTest
class LogBucketTest {

    private static final String BUCKET = "accessloop-trail";
    private static final String DAY = "AWSLogs/000000000000/CloudTrail/us-east-1/2026/11/02/";

    @Inject
    UsageCollector collector;
    @Inject
    Pool db;

    @BeforeEach
    void emptyAccount() {
        db.query("delete from rs_usage_daily; delete from rs_denied_call; delete from rs_log_file").execute().await()
                .indefinitely();
        SandboxResource.control("/_sandbox/reset", "{}");
    }

    private static String record(int i) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::"
                + "000000000000:assumed-role/workload-reporting/i-1\",\"sessionContext\":{\"sessionIssuer\":{\"type\":"
                + "\"Role\",\"arn\":\"" + DemoWorkload.ROLE_ARN + "\"}}},\"eventTime\":\"2026-11-02T10:00:0" + i
                + "Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"awsRegion\":\"us-east-1\","
                + "\"eventID\":\"bucket-test-" + i + "\"}";
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void logFilesInTheBucketAreStreamedIntoUsageOnceEachAndDamageIsCounted() throws Throwable {
        byte[] good = gzip("{\"Records\":[" + record(1) + "," + record(2) + "," + record(3) + "]}");
        byte[] whole = gzip("{\"Records\":[" + record(4) + "," + record(5) + "]}");
        byte[] cut = Arrays.copyOf(whole, whole.length - 12);
        try (S3Client s3 = S3Client.builder().endpointOverride(SandboxResource.endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SandboxResource.ACCESS_KEY, SandboxResource.SECRET_KEY))).build()) {
            s3.createBucket(r -> r.bucket(BUCKET));
            s3.putObject(r -> r.bucket(BUCKET).key(DAY + "000000000000_CloudTrail_us-east-1_20261102T1000Z_a.json.gz"),
                    RequestBody.fromBytes(good));
            s3.putObject(r -> r.bucket(BUCKET).key(DAY + "000000000000_CloudTrail_us-east-1_20261102T1005Z_b.json.gz"),
                    RequestBody.fromBytes(cut));
            s3.putObject(r -> r.bucket(BUCKET).key("AWSLogs/000000000000/CloudTrail-Digest/us-east-1/2026/11/02/d.json.gz"),
                    RequestBody.fromBytes(good));
        }

        ReadStats stats = VertxContextSupport.subscribeAndAwait(() -> collector.readLogBucket());

        assertThat(stats.files()).as("digest files are not logs").isEqualTo(2);
        assertThat(stats.mappedRecords()).isGreaterThanOrEqualTo(3);
        assertThat(stats.truncatedFiles()).isEqualTo(1);
        assertThat(db.preparedQuery("select coalesce(sum(allowed), 0) from rs_usage_daily where principal_arn = $1 "
                        + "and action = 's3:GetObject' and day = '2026-11-02'").execute(Tuple.of(DemoWorkload.ROLE_ARN))
                .await().indefinitely().iterator().next().getLong(0)).isEqualTo(stats.mappedRecords());
        assertThat(db.query("select count(*) from rs_log_file where path like 's3://accessloop-trail/AWSLogs/%'")
                .execute().await().indefinitely().iterator().next().getLong(0)).isEqualTo(2);

        ReadStats again = VertxContextSupport.subscribeAndAwait(() -> collector.readLogBucket());
        assertThat(again.files()).as("the checkpoint keeps each file to one read").isZero();
    }
}
