package io.accessloop.portal.overview;

import io.accessloop.portal.overview.domain.ActiveGrantSeries;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineChartTest {

    @Test
    void theAxisTopIsTheNextRoundNumber() {
        assertThat(List.of(1, 2, 3, 5, 6, 11, 20, 21, 499, 501))
                .map(LineChart::niceCeiling).containsExactly(1, 2, 5, 5, 10, 20, 20, 50, 500, 1000);
    }

    @Test
    void pointsSpanThePlotFromLeftToRightAndZeroSitsOnTheBaseline() {
        Instant t = Instant.parse("2026-12-04T00:00:00Z");
        LineChart chart = LineChart.of(List.of(new ActiveGrantSeries.Point(t, 0),
                new ActiveGrantSeries.Point(t.plusSeconds(3600), 5), new ActiveGrantSeries.Point(t.plusSeconds(7200), 10)));

        assertThat(chart.line()).isEqualTo("44.0,186.0 317.0,99.0 590.0,12.0");
        assertThat(chart.area()).startsWith("44.0,186 ").endsWith(" 590.0,186");
        assertThat(chart.xTicks()).extracting(LineChart.Tick::label)
                .containsExactly("4 Dec 00:00", "4 Dec 01:00", "4 Dec 02:00");
        assertThat(chart.yTicks()).extracting(LineChart.Tick::label).containsExactly("0", "5", "10");
    }

    @Test
    void barsScaleToTheLargestValueAndAZeroHasNoBar() {
        BarChart chart = BarChart.of(List.of(new BarChart.Row("critical", 4, "sev-critical"),
                new BarChart.Row("high", 1, "sev-high"), new BarChart.Row("low", 0, "sev-low")));

        assertThat(chart.bars()).extracting(BarChart.Bar::width).containsExactly(400.0, 100.0, 0.0);
        assertThat(chart.height()).isEqualTo(102);
    }
}
