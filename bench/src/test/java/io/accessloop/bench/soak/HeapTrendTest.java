package io.accessloop.bench.soak;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HeapTrendTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aFlatHeapHasNoGrowthAndNoSlope() {
        HeapTrend trend = new HeapTrend();
        trend.add(0, 100 * MIB);
        trend.add(30, 100 * MIB);
        trend.add(60, 100 * MIB);

        assertThat(trend.growthPercent()).isZero();
        assertThat(trend.slopeMibPerMinute()).isZero();
    }

    @Test
    void aSteadyLeakShowsAsGrowthAndAsItsSlopePerMinute() {
        HeapTrend trend = new HeapTrend();
        trend.add(0, 100 * MIB);
        trend.add(30, 105 * MIB);
        trend.add(60, 110 * MIB);

        assertThat(trend.growthPercent()).isCloseTo(10.0, within(1e-9));
        assertThat(trend.slopeMibPerMinute()).isCloseTo(10.0, within(1e-9));
        assertThat(trend.at(1)).isEqualTo(105 * MIB);
    }
}
