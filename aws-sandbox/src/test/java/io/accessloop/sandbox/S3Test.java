package io.accessloop.sandbox;

import io.accessloop.sandbox.cloudtrail.TrailEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The minimal S3 (path-style CreateBucket, PutObject, GetObject, ListObjectsV2) through the real SDK client. */
@QuarkusTest
class S3Test extends SandboxTestBase {

    private S3Client s3;

    static S3Client s3(AwsCredentials credentials) {
        return S3Client.builder().endpointOverride(AwsClients.endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(credentials))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @BeforeEach
    void client() {
        s3 = s3(AwsClients.ROOT);
    }

    @AfterEach
    void closeS3() {
        s3.close();
    }

    @Test
    void objectsArePutListedInKeyOrderWithPagingAndReadBack() {
        s3.createBucket(r -> r.bucket("trail-logs"));
        String prefix = "AWSLogs/" + ACCOUNT + "/CloudTrail/us-east-1/2026/12/04/";
        for (int i = 3; i >= 1; i--) {
            int n = i;
            s3.putObject(r -> r.bucket("trail-logs").key(prefix + "file-" + n + ".json.gz"),
                    RequestBody.fromString("content " + n));
        }
        s3.putObject(r -> r.bucket("trail-logs").key("other/readme.txt"), RequestBody.fromString("x"));

        ListObjectsV2Response first = s3.listObjectsV2(r -> r.bucket("trail-logs").prefix("AWSLogs/").maxKeys(2));
        ListObjectsV2Response second = s3.listObjectsV2(r -> r.bucket("trail-logs").prefix("AWSLogs/").maxKeys(2)
                .continuationToken(first.nextContinuationToken()));
        ListObjectsV2Response after = s3.listObjectsV2(r -> r.bucket("trail-logs").prefix("AWSLogs/")
                .startAfter(prefix + "file-1.json.gz"));

        assertThat(first.contents()).extracting(S3Object::key).containsExactly(prefix + "file-1.json.gz",
                prefix + "file-2.json.gz");
        assertThat(first.isTruncated()).isTrue();
        assertThat(second.contents()).extracting(S3Object::key).containsExactly(prefix + "file-3.json.gz");
        assertThat(second.isTruncated()).isFalse();
        assertThat(after.contents()).hasSize(2);
        assertThat(first.contents().get(0).size()).isEqualTo(9L);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("trail-logs").key(prefix + "file-2.json.gz")).asString(
                StandardCharsets.UTF_8)).isEqualTo("content 2");
        List<TrailEvent> events = sandbox.trail().all();
        assertThat(events).anyMatch(e -> e.eventName().equals("GetObject") && e.eventSource().equals("s3.amazonaws.com"));
    }

    @Test
    void unknownBucketsAndKeysAndForeignCallersAreRefused() {
        assertThatThrownBy(() -> s3.listObjectsV2(r -> r.bucket("nowhere"))).isInstanceOf(NoSuchBucketException.class);
        s3.createBucket(r -> r.bucket("trail-logs"));
        assertThatThrownBy(() -> s3.getObject(r -> r.bucket("trail-logs").key("missing.json.gz")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.createBucket(r -> r.bucket("trail-logs"))).isInstanceOf(S3Exception.class)
                .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(409));

        try (S3Client forged = s3(AwsBasicCredentials.create("test", "not-the-secret"))) {
            assertThatThrownBy(() -> forged.listObjectsV2(r -> r.bucket("trail-logs"))).isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
        }
        iam.createUser(r -> r.userName("reader"));
        iam.putUserPolicy(r -> r.userName("reader").policyName("list").policyDocument(
                allow("s3:ListBucket", "arn:aws:s3:::trail-logs")));
        var key = iam.createAccessKey(r -> r.userName("reader")).accessKey();
        try (S3Client reader = s3(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
            assertThat(reader.listObjectsV2(r -> r.bucket("trail-logs")).contents()).isEmpty();
            assertThatThrownBy(() -> reader.putObject(r -> r.bucket("trail-logs").key("x"), RequestBody.fromString("x")))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
        assertThat(s3.listObjectsV2(r -> r.bucket("trail-logs")).contents()).as("the refused put stored nothing")
                .isEmpty();
    }

    @Test
    void aBodyThatDoesNotMatchItsSignedHashIsRefused() {
        s3.createBucket(r -> r.bucket("trail-logs"));
        RestAssured.given().header("authorization", "AWS4-HMAC-SHA256 Credential=test/20261204/us-east-1/s3/"
                        + "aws4_request, SignedHeaders=host, Signature=00")
                .body("x").put(AwsClients.endpoint() + "/trail-logs/k").then().statusCode(403);
        assertThat(s3.listObjectsV2(r -> r.bucket("trail-logs")).contents()).isEmpty();
    }
}
