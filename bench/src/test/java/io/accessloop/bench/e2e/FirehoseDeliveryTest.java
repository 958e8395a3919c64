package io.accessloop.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirehoseDeliveryTest {

    private static final String ID = "0b1c7f5e-3f43-4c1b-9a55-6d2f1e0c9a11";

    @Test
    void theBodyCarriesTheRequestIdTimestampAndEveryEventBase64EncodedInOrder() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(ConfigChanges.fill(ConfigChanges.roleChange(), i, "test"));
        }
        JsonNode body = Http.JSON.readTree(new FirehoseDelivery(ID, 1_764_900_000_000L, events).body());

        assertThat(body.path("requestId").asText()).isEqualTo(ID);
        assertThat(body.path("timestamp").asLong()).isEqualTo(1_764_900_000_000L);
        assertThat(body.path("records")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String decoded = new String(Base64.getDecoder().decode(body.path("records").get(i).path("data").asText()),
                    StandardCharsets.UTF_8);
            assertThat(decoded).isEqualTo(events.get(i));
            assertThat(Http.JSON.readTree(decoded).path("detail-type").asText())
                    .isEqualTo("Config Configuration Item Change");
        }
    }

    @Test
    void headersFollowFirehoseProtocolOneAndRepeatTheRequestId() {
        var headers = new FirehoseDelivery(ID, 1L, List.of("{}")).headers("the-key");

        assertThat(headers).containsEntry("X-Amz-Firehose-Protocol-Version", "1.0")
                .containsEntry("X-Amz-Firehose-Request-Id", ID)
                .containsEntry("X-Amz-Firehose-Access-Key", "the-key")
                .containsEntry("Content-Type", "application/json");
    }

    @Test
    void onlyAn200EchoingThisRequestIdAcknowledgesTheDelivery() {
        FirehoseDelivery delivery = new FirehoseDelivery(ID, 1L, List.of("{}"));

        assertThat(delivery.acknowledgedBy(200, "{\"requestId\":\"" + ID + "\",\"timestamp\":1764900000123}")).isTrue();
        assertThat(delivery.acknowledgedBy(200, "{\"requestId\":\"another\",\"timestamp\":1764900000123}")).isFalse();
        assertThat(delivery.acknowledgedBy(202, "{\"requestId\":\"" + ID + "\",\"timestamp\":1}")).isFalse();
        assertThat(delivery.acknowledgedBy(200, "{\"requestId\":\"" + ID + "\"}")).isFalse();
        assertThat(delivery.acknowledgedBy(200, "{\"rawEventId\":\"raw_1\",\"status\":\"accepted\"}")).isFalse();
        assertThat(delivery.acknowledgedBy(200, "not json")).isFalse();
        assertThat(delivery.acknowledgedBy(200, "")).isFalse();
    }

    @Test
    void aDeliveryNeedsAnIdAndAtLeastOneRecord() {
        assertThatThrownBy(() -> new FirehoseDelivery(" ", 1L, List.of("{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request id");
        assertThatThrownBy(() -> new FirehoseDelivery(ID, 1L, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one record");
    }
}
