package io.accessloop.drift.rightsizing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.Api;
import io.accessloop.drift.rightsizing.service.UsageCollector;
import io.accessloop.testsupport.SandboxResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CloudTrail events arriving through the EventBridge stream feed the usage store, and an event seen through both
 * the stream and LookupEvents is counted once.
 */
@QuarkusTest
class StreamUsageTest {

    @Inject
    UsageCollector collector;
    @Inject
    Pool db;
    @Inject
    ObjectMapper json;

    private DemoWorkload workload;

    @BeforeEach
    void seedTheDemo() {
        db.query("delete from rs_usage_daily; delete from rs_denied_call; delete from rs_usage_source; "
                + "delete from rs_seen_event").execute().await().indefinitely();
        workload = new DemoWorkload();
        workload.seed();
    }

    @AfterEach
    void close() {
        workload.close();
    }

    private String recordOf(String eventId) {
        try (CloudTrailClient trail = CloudTrailClient.builder().endpointOverride(SandboxResource.endpoint())
                .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SandboxResource.ACCESS_KEY, SandboxResource.SECRET_KEY))).build()) {
            return trail.lookupEvents(r -> r.lookupAttributes(a -> a.attributeKey(LookupAttributeKey.EVENT_ID)
                    .attributeValue(eventId))).events().get(0).cloudTrailEvent();
        }
    }

    private ObjectNode eventBridge(String record) throws Exception {
        ObjectNode event = json.createObjectNode();
        event.put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", "AWS API Call via CloudTrail").put("source", "aws.s3")
                .put("account", DemoWorkload.ACCOUNT).put("time", JsonPath.from(record).getString("eventTime"))
                .put("region", "us-east-1").putArray("resources");
        event.set("detail", json.readTree(record));
        return event;
    }

    private long todaysReads() {
        return db.preparedQuery("select coalesce(sum(allowed), 0) from rs_usage_daily where principal_arn = $1 "
                        + "and action = 's3:GetObject' and day = current_date").execute(Tuple.of(DemoWorkload.ROLE_ARN))
                .await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void aStreamedCallFeedsUsageAndIsCountedOnceWhateverDeliversItAgain() throws Throwable {
        JsonPath call = workload.simulate("s3:GetObject", "GetObject", "arn:aws:s3:::acme-reports/daily/today.csv", 1);
        assertThat(call.getBoolean("allowed")).isTrue();
        List<String> ids = call.getList("eventIds", String.class);
        String record = recordOf(ids.get(0));

        Api.push(eventBridge(record)).statusCode(org.hamcrest.Matchers.lessThan(300));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(todaysReads()).isEqualTo(1));

        Api.push(eventBridge(record)).statusCode(org.hamcrest.Matchers.lessThan(300));
        VertxContextSupport.subscribeAndAwait(() -> collector.pollLookupEvents());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(db.preparedQuery(
                        "select count(*) from raw_event where body like $1").execute(Tuple.of("%" + ids.get(0) + "%"))
                .await().indefinitely().iterator().next().getLong(0)).isEqualTo(2));

        assertThat(todaysReads()).as("stream twice and LookupEvents once: one call").isEqualTo(1);
        assertThat(db.preparedQuery("select count(*) from rs_usage_daily where principal_arn = $1 and day < current_date")
                .execute(Tuple.of(DemoWorkload.ROLE_ARN)).await().indefinitely().iterator().next().getLong(0))
                .as("the rest of the history comes from LookupEvents").isPositive();

        ObjectNode malformed = eventBridge(record);
        ((ObjectNode) malformed.get("detail")).remove("eventTime");
        Api.push(malformed).statusCode(400);
        assertThat(todaysReads()).isEqualTo(1);
    }

}
