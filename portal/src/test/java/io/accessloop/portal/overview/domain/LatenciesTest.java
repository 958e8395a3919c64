package io.accessloop.portal.overview.domain;

import io.accessloop.portal.overview.domain.Latencies.Stamp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    private static final Instant T = Instant.parse("2026-12-04T09:00:00Z");

    @Test
    void pairsEndsWithTheirStartsByKey() {
        List<Duration> d = Latencies.between(
                List.of(new Stamp("req_a", T), new Stamp("req_b", T.plusSeconds(10))),
                List.of(new Stamp("req_b", T.plusSeconds(70)), new Stamp("req_a", T.plusMillis(300))));

        assertThat(d).containsExactly(Duration.ofSeconds(60), Duration.ofMillis(300));
    }

    @Test
    void endsWithoutAKnownStartAreLeftOutAndSkewCountsAsZero() {
        List<Duration> d = Latencies.between(
                List.of(new Stamp("req_a", T), new Stamp(null, T)),
                List.of(new Stamp("req_x", T.plusSeconds(5)), new Stamp("req_a", T.minusSeconds(1)),
                        new Stamp(null, T.plusSeconds(1))));

        assertThat(d).containsExactly(Duration.ZERO);
    }

    @Test
    void aRepeatedStartCountsFromTheEarliest() {
        List<Duration> d = Latencies.between(
                List.of(new Stamp("k", T.plusSeconds(5)), new Stamp("k", T)),
                List.of(new Stamp("k", T.plusSeconds(10))));

        assertThat(d).containsExactly(Duration.ofSeconds(10));
    }
}
