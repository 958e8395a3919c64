package io.accessloop.portal.overview.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationStatsTest {

    @Test
    void medianNinetiethPercentileAndMaximumByNearestRank() {
        List<Duration> samples = new ArrayList<>();
        for (int s = 10; s >= 1; s--) {
            samples.add(Duration.ofSeconds(s));
        }

        DurationStats stats = DurationStats.of(samples);

        assertThat(stats.count()).isEqualTo(10);
        assertThat(stats.median()).isEqualTo(Duration.ofSeconds(5));
        assertThat(stats.p90()).isEqualTo(Duration.ofSeconds(9));
        assertThat(stats.max()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void bucketsCountEverySampleOnceWithTheLowerEdgeIncluded() {
        DurationStats stats = DurationStats.of(List.of(Duration.ofMillis(999), Duration.ofSeconds(1),
                Duration.ofSeconds(59), Duration.ofMinutes(10), Duration.ofHours(3)));

        assertThat(stats.buckets()).extracting(DurationStats.Bucket::label, DurationStats.Bucket::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("under 1 s", 1),
                        org.assertj.core.groups.Tuple.tuple("1–10 s", 1),
                        org.assertj.core.groups.Tuple.tuple("10 s–1 min", 1),
                        org.assertj.core.groups.Tuple.tuple("1–10 min", 0),
                        org.assertj.core.groups.Tuple.tuple("10 min–1 h", 1),
                        org.assertj.core.groups.Tuple.tuple("1 h or more", 1));
        assertThat(stats.tallest()).isEqualTo(1);
    }

    @Test
    void noSamplesMeansNoFiguresButEmptyBuckets() {
        DurationStats stats = DurationStats.of(List.of());

        assertThat(stats.count()).isZero();
        assertThat(stats.median()).isNull();
        assertThat(stats.buckets()).hasSize(6).allMatch(b -> b.count() == 0);
        assertThat(DurationStats.human(stats.median())).isEqualTo("–");
    }

    @Test
    void negativeDurationsAreRefused() {
        assertThatThrownBy(() -> DurationStats.of(List.of(Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(DurationStats.human(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(DurationStats.human(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(DurationStats.human(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(DurationStats.human(Duration.ofSeconds(250))).isEqualTo("4 min 10 s");
        assertThat(DurationStats.human(Duration.ofMinutes(3))).isEqualTo("3 min");
        assertThat(DurationStats.human(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    }
}
