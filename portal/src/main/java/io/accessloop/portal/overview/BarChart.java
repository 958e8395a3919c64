package io.accessloop.portal.overview;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a server-drawn horizontal bar chart: one row per bar, label on the left, the value after the bar.
 * Bars are scaled to the largest value; the viewBox grows with the number of rows.
 */
public record BarChart(List<Bar> bars, int height) {

    public static final int WIDTH = 600;
    static final int LABEL_WIDTH = 130;
    static final int BAR_SPACE = 400;
    static final int ROW = 30;

    /** One row: {@code cssClass} colours it (e.g. {@code sev-high}); {@code width} is in viewBox units. */
    public record Bar(String label, int value, double y, double width, String cssClass) {

        public double valueX() {
            return LABEL_WIDTH + width + 6;
        }

        public double textY() {
            return y + 15;
        }
    }

    /** A label and a count to draw, with the CSS class of its bar. */
    public record Row(String label, int value, String cssClass) {
    }

    static BarChart of(List<Row> rows) {
        int tallest = Math.max(1, rows.stream().mapToInt(Row::value).max().orElse(0));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double width = row.value() == 0 ? 0 : Math.max(2, (double) BAR_SPACE * row.value() / tallest);
            bars.add(new Bar(row.label(), row.value(), 6 + i * ROW, width, row.cssClass()));
        }
        return new BarChart(bars, 12 + rows.size() * ROW);
    }

    public int width() {
        return WIDTH;
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }
}
