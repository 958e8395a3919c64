package io.accessloop.drift.ingest.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryRoomTest {

    @Test
    void aFirehoseDeliveryMustFitInTheQueueOrTheServiceDoesNotStart() {
        assertThatCode(() -> IngestService.requireRoomForADelivery(5000, 8 << 20, 10_000, 32 << 20))
                .doesNotThrowAnyException();
        assertThatCode(() -> IngestService.requireRoomForADelivery(10_000, 32 << 20, 10_000, 32 << 20))
                .as("exactly full is enough").doesNotThrowAnyException();
        assertThatThrownBy(() -> IngestService.requireRoomForADelivery(10_001, 8 << 20, 10_000, 32 << 20))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("firehose.max-records (10001)")
                .hasMessageContaining("batch.max-pending (10000)");
        assertThatThrownBy(() -> IngestService.requireRoomForADelivery(5000, 64 << 20, 10_000, 32 << 20))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("firehose.max-body-bytes");
    }
}
