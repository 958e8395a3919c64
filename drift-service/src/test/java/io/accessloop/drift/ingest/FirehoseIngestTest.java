package io.accessloop.drift.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.Api;
import io.accessloop.drift.Samples;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Amazon Data Firehose HTTP endpoint deliveries on {@code POST /ingest/aws/events}: batches of EventBridge events,
 * all or nothing, answered in Firehose's JSON shape with the delivery's request id. The test profile limits a
 * delivery to 200 records and 1 MiB.
 */
@QuarkusTest
class FirehoseIngestTest {

    private static final String ACCESS_KEY = "test-key-current";

    @TestHTTPResource("/ingest/aws/events")
    URL ingest;

    @Inject
    Pool pool;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aDeliveryOfConfigAndCloudTrailEventsIsStoredInOneGoAndProcessedIntoTheInventory() throws Exception {
        String run = "fh-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(Samples.roleChange(run + "-" + i, t0, 1));
        }
        for (int i = 0; i < 10; i++) {
            events.add(Samples.attachRolePolicyCall(run + "-" + i, "arn:aws:iam::aws:policy/ReadOnlyAccess",
                    t0.plusSeconds(1), "ops-admin", "firehose-" + i + "@example.com"));
        }
        ObjectNode securityGroup = Samples.load("eventbridge-config-item-change-security-group.json");
        securityGroup.put("id", UUID.randomUUID().toString());
        events.add(securityGroup);
        String requestId = UUID.randomUUID().toString();

        HttpResponse<String> answer = post(requestId, delivery(requestId, events), ACCESS_KEY, false);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = Samples.JSON.readTree(answer.body());
        assertThat(body.get("requestId").asText()).isEqualTo(requestId);
        assertThat(body.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(body.get("timestamp").asLong()).isCloseTo(System.currentTimeMillis(), Offset.offset(60_000L));
        assertThat(body.has("errorMessage")).isFalse();

        List<String> sources = sourceIds(events.subList(0, 50));
        assertThat(count("select count(*) from raw_event where source_id = any($1)", sources)).isEqualTo(50);
        assertThat(count("select count(*) from raw_event where source_id = any($1)",
                List.of(securityGroup.get("id").asText()))).isZero();
        assertThat(count("select count(*) from outbox_event o join raw_event r on o.subject = r.id "
                + "where r.source_id = any($1)", sources)).isEqualTo(50);
        assertThat(count("select count(distinct xmin::text) from raw_event where source_id = any($1)", sources))
                .as("one delivery, one transaction").isEqualTo(1);

        await().atMost(Duration.ofSeconds(120)).until(() -> count("select count(*) from raw_event where "
                + "source_id = any($1) and processed_at is not null", sources) == 50);
        assertThat(count("select count(*) from iam_resource where name like $1", run + "-%")).isEqualTo(40);
        assertThat(count("select count(*) from raw_event where source_id = any($1) and outcome = 'call-recorded'",
                sources)).isEqualTo(10);
        List<Map<String, Object>> roles = Api.get(Api.auditor(), "/api/v1/inventory/principals?type=ROLE&name="
                + run + "-3").statusCode(200).extract().jsonPath().getList("items");
        assertThat(roles).filteredOn(role -> role.get("name").equals(run + "-3")).singleElement()
                .satisfies(role -> assertThat(role.get("managed")).isEqualTo(true));
    }

    @Test
    void aRetriedDeliveryIsAnswered200AndStoredOnce() throws Exception {
        String run = "fh-retry-" + UUID.randomUUID().toString().substring(0, 8);
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(Samples.roleChange(run + "-" + i, Instant.now(), 1));
        }
        String requestId = UUID.randomUUID().toString();
        byte[] delivery = delivery(requestId, events);

        HttpResponse<String> first = post(requestId, delivery, ACCESS_KEY, false);
        HttpResponse<String> retry = post(requestId, delivery, ACCESS_KEY, false);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(Samples.JSON.readTree(retry.body()).get("requestId").asText()).isEqualTo(requestId);
        List<String> sources = sourceIds(events);
        assertThat(count("select count(*) from raw_event where source_id = any($1)", sources)).isEqualTo(12);
        assertThat(count("select count(*) from outbox_event o join raw_event r on o.subject = r.id "
                + "where r.source_id = any($1)", sources)).isEqualTo(12);
    }

    @Test
    void aWrongOrMissingAccessKeyIsAnswered401InFirehoseShapeAndNothingIsStored() throws Exception {
        List<JsonNode> events = List.of(Samples.roleChange("fh-auth-" + UUID.randomUUID().toString().substring(0, 8),
                Instant.now(), 1));
        String requestId = UUID.randomUUID().toString();
        byte[] delivery = delivery(requestId, events);

        for (String key : new String[] {"wrong", null, ""}) {
            HttpResponse<String> refused = post(requestId, delivery, key, false);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode body = Samples.JSON.readTree(refused.body());
            assertThat(body.get("requestId").asText()).isEqualTo(requestId);
            assertThat(body.get("errorMessage").asText()).contains("X-Amz-Firehose-Access-Key");
            assertThat(body.get("timestamp").isIntegralNumber()).isTrue();
        }
        // the EventBridge API-key header does not stand in for Firehose's access key
        HttpResponse<String> apiKeyHeader = http.send(request(requestId, delivery, null, false)
                .header(Api.API_KEY_HEADER, ACCESS_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(apiKeyHeader.statusCode()).isEqualTo(401);
        assertThat(count("select count(*) from raw_event where source_id = any($1)", sourceIds(events))).isZero();

        assertThat(post(requestId, delivery, "test-key-previous", false).statusCode())
                .as("the second key of a rotation works too").isEqualTo(200);
        assertThat(count("select count(*) from raw_event where source_id = any($1)", sourceIds(events))).isEqualTo(1);
    }

    @Test
    void oneMalformedRecordFailsTheWholeDeliveryWith400NamingItAndNothingIsStored() throws Exception {
        String run = "fh-bad-" + UUID.randomUUID().toString().substring(0, 8);
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(Samples.roleChange(run + "-" + i, Instant.now(), 1));
        }
        Samples.item((ObjectNode) events.get(3)).put("configurationItemCaptureTime", "yesterday");
        String requestId = UUID.randomUUID().toString();

        HttpResponse<String> refused = post(requestId, delivery(requestId, events), ACCESS_KEY, false);

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode body = Samples.JSON.readTree(refused.body());
        assertThat(body.get("requestId").asText()).isEqualTo(requestId);
        assertThat(body.get("errorMessage").asText()).contains("records[3]").contains("configurationItemCaptureTime");
        assertThat(count("select count(*) from raw_event where source_id = any($1)", sourceIds(events))).isZero();

        List<String> records = new ArrayList<>(List.of(base64(events.get(0)), "not base64!",
                base64(events.get(1))));
        HttpResponse<String> notBase64 = post(requestId, body(requestId, records), ACCESS_KEY, false);
        assertThat(notBase64.statusCode()).isEqualTo(400);
        assertThat(Samples.JSON.readTree(notBase64.body()).get("errorMessage").asText())
                .contains("records[1].data is not base64");
        HttpResponse<String> snsRecord = post(requestId, delivery(requestId, List.of(events.get(0),
                Samples.sns(events.get(1)))), ACCESS_KEY, false);
        assertThat(snsRecord.statusCode()).isEqualTo(400);
        assertThat(Samples.JSON.readTree(snsRecord.body()).get("errorMessage").asText()).contains("records[1]");
        HttpResponse<String> notJson = post(requestId, "{\"requestId\":".getBytes(StandardCharsets.UTF_8),
                ACCESS_KEY, false);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Samples.JSON.readTree(notJson.body()).get("requestId").asText()).isEqualTo(requestId);
        assertThat(count("select count(*) from raw_event where source_id = any($1)", sourceIds(events))).isZero();
    }

    @Test
    void aGzipDeliveryIsStored() throws Exception {
        String run = "fh-gzip-" + UUID.randomUUID().toString().substring(0, 8);
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(Samples.roleChange(run + "-" + i, Instant.now(), 1));
        }
        String requestId = UUID.randomUUID().toString();

        HttpResponse<String> answer = post(requestId, gzip(delivery(requestId, events)), ACCESS_KEY, true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Samples.JSON.readTree(answer.body()).get("requestId").asText()).isEqualTo(requestId);
        assertThat(count("select count(*) from raw_event where source_id = any($1)", sourceIds(events))).isEqualTo(5);
    }

    @Test
    void tooManyRecordsOrTooManyBytesAreAnswered413AndNothingIsStored() throws Exception {
        String run = "fh-big-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode template = Samples.roleChange(run, Instant.now(), 1);
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            events.add(template.deepCopy().put("id", run + "-" + i));
        }
        String requestId = UUID.randomUUID().toString();

        HttpResponse<String> tooMany = post(requestId, delivery(requestId, events), ACCESS_KEY, false);
        assertThat(tooMany.statusCode()).isEqualTo(413);
        JsonNode body = Samples.JSON.readTree(tooMany.body());
        assertThat(body.get("requestId").asText()).isEqualTo(requestId);
        assertThat(body.get("errorMessage").asText()).contains("at most 200 records");

        // 1 MiB of padding in an ignored field: under the record limit, over the byte limit
        String padding = "x".repeat(1024 * 1024);
        byte[] large = ("{\"requestId\":\"" + requestId + "\",\"timestamp\":1,\"padding\":\"" + padding
                + "\",\"records\":[{\"data\":\"" + base64(events.get(0)) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tooLarge = post(requestId, large, ACCESS_KEY, false);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(Samples.JSON.readTree(tooLarge.body()).get("errorMessage").asText()).contains("1048576 bytes");
        HttpResponse<String> bomb = post(requestId, gzip(large), ACCESS_KEY, true);
        assertThat(bomb.statusCode()).as("small when compressed, too large once decompressed").isEqualTo(413);
        assertThat(Samples.JSON.readTree(bomb.body()).get("errorMessage").asText()).contains("decompressed");

        assertThat(count("select count(*) from raw_event where source_id like $1", run + "-%")).isZero();
    }

    private HttpResponse<String> post(String requestId, byte[] body, String accessKey, boolean gzip)
            throws IOException, InterruptedException {
        return http.send(request(requestId, body, accessKey, gzip).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String requestId, byte[] body, String accessKey, boolean gzip) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingest.toString()))
                .header("Content-Type", "application/json")
                .header("X-Amz-Firehose-Protocol-Version", "1.0")
                .header("X-Amz-Firehose-Request-Id", requestId)
                .header("X-Amz-Firehose-Source-Arn", "arn:aws:firehose:us-east-1:000000000000:deliverystream/iam")
                .header("X-Amz-Firehose-Common-Attributes", "{\"commonAttributes\":{\"stream\":\"iam\"}}")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (accessKey != null) {
            request.header("X-Amz-Firehose-Access-Key", accessKey);
        }
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        return request;
    }

    /** A Firehose body whose records are the events as EventBridge writes them to Firehose: one JSON line each. */
    private static byte[] delivery(String requestId, List<JsonNode> events) {
        return body(requestId, events.stream().map(FirehoseIngestTest::base64).toList());
    }

    private static byte[] body(String requestId, List<String> records) {
        ObjectNode body = Samples.JSON.createObjectNode().put("requestId", requestId)
                .put("timestamp", System.currentTimeMillis());
        ArrayNode array = body.putArray("records");
        records.forEach(data -> array.addObject().put("data", data));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(JsonNode event) {
        return Base64.getEncoder().encodeToString((event + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.toByteArray();
    }

    private static List<String> sourceIds(List<JsonNode> events) {
        return events.stream().map(e -> e.get("id").asText()).toList();
    }

    private long count(String sql, Object parameter) {
        Object value = parameter instanceof List<?> list ? list.toArray(new String[0]) : parameter;
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
    }
}
