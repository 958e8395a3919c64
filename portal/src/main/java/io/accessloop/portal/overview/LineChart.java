package io.accessloop.portal.overview;

import io.accessloop.portal.overview.domain.ActiveGrantSeries;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a server-drawn SVG line chart (viewBox {@value #WIDTH} x {@value #HEIGHT}, scaled by CSS to any
 * screen): the line, the area below it, and labelled ticks. The template only places what is computed here.
 */
public record LineChart(String line, String area, List<Tick> xTicks, List<Tick> yTicks) {

    public static final int WIDTH = 600;
    public static final int HEIGHT = 220;
    static final int LEFT = 44;
    static final int RIGHT = 590;
    static final int TOP = 12;
    static final int BOTTOM = 186;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** A label at {@code x, y} of the viewBox. */
    public record Tick(double x, double y, String label) {
    }

    static LineChart of(List<ActiveGrantSeries.Point> points) {
        int top = Math.max(1, points.stream().mapToInt(ActiveGrantSeries.Point::active).max().orElse(0));
        int ceiling = niceCeiling(top);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            line.append(i == 0 ? "" : " ").append(fmt(x(i, points.size()))).append(',')
                    .append(fmt(y(points.get(i).active(), ceiling)));
        }
        String area = fmt(x(0, points.size())) + "," + BOTTOM + " " + line + " "
                + fmt(x(points.size() - 1, points.size())) + "," + BOTTOM;
        List<Tick> xTicks = new ArrayList<>();
        for (int i : new int[]{0, points.size() / 2, points.size() - 1}) {
            xTicks.add(new Tick(x(i, points.size()), BOTTOM + 18, LABEL.format(points.get(i).at())));
        }
        List<Tick> yTicks = List.of(new Tick(LEFT - 6, y(0, ceiling), "0"),
                new Tick(LEFT - 6, y(ceiling / 2.0, ceiling), ceiling % 2 == 0 ? String.valueOf(ceiling / 2) : ""),
                new Tick(LEFT - 6, y(ceiling, ceiling), String.valueOf(ceiling)));
        return new LineChart(line.toString(), area, xTicks, yTicks);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return RIGHT;
    }

    public int top() {
        return TOP;
    }

    public int bottom() {
        return BOTTOM;
    }

    /** 1, 2, 5, 10, 20, 50 … : the smallest such number at or above {@code n}. */
    static int niceCeiling(int n) {
        int step = 1;
        while (true) {
            for (int m : new int[]{1, 2, 5}) {
                if (m * step >= n) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    private static double x(int i, int count) {
        return LEFT + (RIGHT - LEFT) * (count == 1 ? 0 : (double) i / (count - 1));
    }

    private static double y(double value, int ceiling) {
        return BOTTOM - (BOTTOM - TOP) * value / ceiling;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
