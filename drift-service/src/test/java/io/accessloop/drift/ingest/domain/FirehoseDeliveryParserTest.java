package io.accessloop.drift.ingest.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.drift.Samples;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirehoseDeliveryParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FirehoseDeliveryParser parser = new FirehoseDeliveryParser(JSON.getFactory(),
            new NotificationParser(JSON), 3);

    @Test
    void aDeliveryYieldsItsRequestIdTimestampAndOneNotificationPerRecordInOrder() {
        ObjectNode change = Samples.roleChange("firehose-role", Instant.parse("2026-12-05T06:00:00Z"), 1);
        ObjectNode call = Samples.attachRolePolicyCall("firehose-role", "arn:aws:iam::aws:policy/ReadOnlyAccess",
                Instant.parse("2026-12-05T06:00:01Z"), "ops", "ann@example.com");
        ObjectNode other = Samples.load("eventbridge-config-item-change-security-group.json");

        FirehoseDelivery delivery = parser.parse(body("req-1", 1764914400000L, encode(change + "\n"),
                encode(call.toString()), encode(other + "\r\n")));

        assertThat(delivery.requestId()).isEqualTo("req-1");
        assertThat(delivery.timestamp()).isEqualTo(1764914400000L);
        assertThat(delivery.records()).extracting(r -> (Object) r.notification().getClass()).containsExactly(
                Notification.ConfigItemChange.class, Notification.ApiCallRecorded.class, Notification.Ignored.class);
        assertThat(delivery.records().get(0).notification().sourceId()).isEqualTo(change.get("id").asText());
        assertThat(delivery.records().get(0).text()).as("the trailing newline is not stored")
                .isEqualTo(change.toString());
        assertThat(delivery.records().get(2).text()).isEqualTo(other.toString());
    }

    @Test
    void unknownFieldsAreSkippedAndAnEmptyDeliveryIsValid() {
        byte[] body = "{\"extra\":{\"a\":[1,2]},\"requestId\":\"r\",\"timestamp\":5,\"records\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        FirehoseDelivery delivery = parser.parse(body);
        assertThat(delivery.requestId()).isEqualTo("r");
        assertThat(delivery.records()).isEmpty();
    }

    @Test
    void eachKindOfBadRecordIsNamedByItsIndex() {
        String good = encode(Samples.roleChange("ok", Instant.now(), 1).toString());
        ObjectNode badTime = Samples.roleChange("bad", Instant.now(), 1);
        Samples.item(badTime).put("configurationItemCaptureTime", "soon");
        assertRefused(body("r", 1, good, "%%%"), "records[1].data is not base64");
        assertRefused(body("r", 1, good, good, Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28})),
                "records[2].data is not UTF-8 text");
        assertRefused(body("r", 1, encode("{\"detail-type\":")), "records[0]: record is not JSON");
        assertRefused(body("r", 1, good, encode(badTime.toString())), "records[1]: configurationItem");
        assertRefused(body("r", 1, encode(Samples.sns(Samples.roleChange("s", Instant.now(), 1)).toString())),
                "records[0]: not an EventBridge event");
        assertRefused("{\"requestId\":\"r\",\"timestamp\":1,\"records\":[{\"nodata\":1}]}", "records[0].data is required");
        assertRefused("{\"requestId\":\"r\",\"timestamp\":1,\"records\":[{\"data\":7}]}", "records[0].data must be a string");
        assertRefused("{\"requestId\":\"r\",\"timestamp\":1,\"records\":[\"x\"]}", "records[0] must be an object");
    }

    @Test
    void aMalformedEnvelopeIsRefusedWithTheFieldItLacks() {
        assertRefused("[]", "the body must be a JSON object");
        assertRefused("{\"requestId\":\"r\",", "the body is not JSON");
        assertRefused("{\"timestamp\":1,\"records\":[]}", "requestId is required");
        assertRefused("{\"requestId\":\" \",\"timestamp\":1,\"records\":[]}", "requestId must be a non-empty string");
        assertRefused("{\"requestId\":\"r\",\"timestamp\":\"now\",\"records\":[]}", "timestamp must be epoch milliseconds");
        assertRefused("{\"requestId\":\"r\",\"records\":[]}", "timestamp is required");
        assertRefused("{\"requestId\":\"r\",\"timestamp\":1}", "records is required");
        assertRefused("{\"requestId\":\"r\",\"timestamp\":1,\"records\":{}}", "records must be an array");
        assertRefused("{\"requestId\":\"r\",\"timestamp\":1,\"records\":[]} {}", "content after its JSON object");
    }

    @Test
    void moreRecordsThanTheLimitAreRefusedAsTooLarge() {
        String good = encode(Samples.roleChange("ok", Instant.now(), 1).toString());
        assertThat(parser.parse(body("r", 1, good, good, good)).records()).hasSize(3);
        assertThatThrownBy(() -> parser.parse(body("r", 1, good, good, good, good)))
                .isInstanceOf(DeliveryTooLargeException.class).hasMessageContaining("at most 3 records");
    }

    private void assertRefused(byte[] body, String message) {
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedNotificationException.class)
                .hasMessageContaining(message);
    }

    private void assertRefused(String body, String message) {
        assertRefused(body.getBytes(StandardCharsets.UTF_8), message);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] body(String requestId, long timestamp, String... data) {
        ObjectNode body = JSON.createObjectNode().put("requestId", requestId).put("timestamp", timestamp);
        ArrayNode records = body.putArray("records");
        List.of(data).forEach(d -> records.addObject().put("data", d));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
