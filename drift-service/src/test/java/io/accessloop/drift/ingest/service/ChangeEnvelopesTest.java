package io.accessloop.drift.ingest.service;

import io.accessloop.contracts.CloudEvent;
import io.accessloop.contracts.EventCodec;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.aws.AwsChangeReceived;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeEnvelopesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void theOnePassEnvelopeIsTheEnvelopeTheCodecWritesForTheSameEvent() throws Exception {
        AwsChangeReceived payload = new AwsChangeReceived("evt_1", "config", "000000000000",
                Instant.parse("2026-12-05T06:00:00.123456Z"));
        String written = new ChangeEnvelopes(codec, "/drift-service").encode("3f1c0a52-9d3e-4d1b-8f7a-2b6c5d4e3f21",
                payload);

        CloudEvent expected = new CloudEvent(CloudEvent.SPEC_VERSION, "3f1c0a52-9d3e-4d1b-8f7a-2b6c5d4e3f21",
                "/drift-service", EventTypes.CHANGE_RECEIVED.type(), "evt_1", payload.receivedAt(), CloudEvent.JSON,
                codec.toTree(payload));
        assertThat(codec.mapper().readTree(written)).isEqualTo(codec.mapper().readTree(codec.encode(expected)));
        CloudEvent decoded = codec.decode(written);
        assertThat(decoded).isEqualTo(expected);
        assertThat(codec.payload(decoded, EventTypes.CHANGE_RECEIVED)).isEqualTo(payload);
    }
}
