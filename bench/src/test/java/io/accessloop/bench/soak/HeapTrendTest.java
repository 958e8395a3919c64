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

    @Test
    void theWarmUpIsLeftOutOfTheJudgedPart() {
        HeapTrend trend = new HeapTrend();
        trend.add(0, 40 * MIB);
        trend.add(10, 80 * MIB);
        trend.add(20, 100 * MIB);
        trend.add(30, 100 * MIB);
        trend.add(40, 100 * MIB);

        HeapTrend judged = trend.from(20);

        assertThat(judged.size()).isEqualTo(3);
        assertThat(judged.first()).isEqualTo(100 * MIB);
        assertThat(judged.fittedRiseMib()).isCloseTo(0.0, within(1e-9));
        assertThat(judged.fittedGrowthPercent()).isCloseTo(0.0, within(1e-9));
        assertThat(trend.fittedGrowthPercent()).isGreaterThan(25);
    }

    @Test
    void theFittedRiseFollowsTheTrendNotOneOutlyingSample() {
        HeapTrend trend = new HeapTrend();
        for (int t = 0; t <= 60; t += 10) {
            trend.add(t, (t == 60 ? 130 : 100) * MIB);
        }

        assertThat(trend.growthPercent()).isCloseTo(30.0, within(1e-9));
        assertThat(trend.fittedGrowthPercent()).isLessThan(25);
        assertThat(trend.fittedRiseMib()).isLessThan(25);
    }

    @Test
    void aSteadyLeakAfterTheWarmUpIsItsFittedRiseAcrossTheJudgedWindow() {
        HeapTrend trend = new HeapTrend();
        for (int t = 0; t <= 90; t += 10) {
            trend.add(t, (t < 30 ? 50 : 50 + (t - 30) / 2) * MIB);
        }

        HeapTrend judged = trend.from(30);

        assertThat(judged.fittedRiseMib()).isCloseTo(30.0, within(1e-9));
        assertThat(judged.fittedGrowthPercent()).isCloseTo(60.0, within(1e-9));
        assertThat(judged.slopeMibPerMinute()).isCloseTo(30.0, within(1e-9));
    }

    @Test
    void fewerThanTwoSamplesHaveNoTrend() {
        HeapTrend trend = new HeapTrend();
        trend.add(0, 10 * MIB);

        assertThat(trend.fittedRiseMib()).isZero();
        assertThat(trend.from(5).size()).isZero();
    }
}
