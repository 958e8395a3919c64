package io.accessloop.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scaling curves: every {@code scaling.*} figure measured at several sizes ({@code size=N}), each step with its
 * cost ratio beside the work ratio. A cost growing faster than the work (by more than half again) is flagged.
 */
final class Scaling {

    private Scaling() {
    }

    static String render(List<ResultsReport.Row> rows) {
        Map<String, List<ResultsReport.Row>> curves = new LinkedHashMap<>();
        rows.stream().filter(r -> r.benchmark().startsWith("scaling.") && size(r) > 0)
                .forEach(r -> curves.computeIfAbsent(r.benchmark(), b -> new ArrayList<>()).add(r));
        if (curves.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## Scaling curves\n\n")
                .append("Cost per run at each size; `step` is the cost ratio to the previous size beside the work ratio. ")
                .append("Linear growth keeps them equal; `super-linear` marks a step whose cost grew more than 1.5× the work.\n\n")
                .append("| what | size | cost | unit | step | work | growth |\n|---|---:|---:|---|---:|---:|---|\n");
        for (var curve : curves.entrySet()) {
            List<ResultsReport.Row> points = new ArrayList<>(curve.getValue());
            points.sort(Comparator.comparingLong(Scaling::size));
            ResultsReport.Row previous = null;
            for (ResultsReport.Row point : points) {
                String step = "–";
                String work = "–";
                String growth = "baseline";
                if (previous != null) {
                    double costRatio = point.score() / previous.score();
                    double workRatio = (double) size(point) / size(previous);
                    step = String.format(Locale.ROOT, "%.2f×", costRatio);
                    work = String.format(Locale.ROOT, "%.0f×", workRatio);
                    growth = costRatio > 1.5 * workRatio ? "**super-linear**"
                            : costRatio < workRatio / 1.5 ? "sub-linear" : "linear";
                }
                md.append(String.format(Locale.ROOT, "| %s | %,d | %.3f | %s | %s | %s | %s |%n", curve.getKey()
                        .substring("scaling.".length()), size(point), point.score(), point.unit(), step, work, growth));
                previous = point;
            }
        }
        return md.append('\n').toString();
    }

    private static long size(ResultsReport.Row row) {
        for (String pair : row.params().split(",")) {
            String[] kv = pair.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("size") && kv[1].chars().allMatch(Character::isDigit) && !kv[1].isEmpty()) {
                return Long.parseLong(kv[1]);
            }
        }
        return -1;
    }
}
