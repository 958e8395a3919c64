package io.accessloop.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes load-driver figures in the same JSON shape as JMH's results, so one report handles both:
 * throughput as the row's score, and p50/p95/p99 as rows of their own.
 */
public final class LoadResults {

    private LoadResults() {
    }

    public static void add(ArrayNode rows, String benchmark, String params, LatencyRecorder.Summary summary) {
        row(rows, benchmark, params, summary.perSecond(), "calls/s");
        row(rows, benchmark + "P50", params, summary.p50(), "ms");
        row(rows, benchmark + "P95", params, summary.p95(), "ms");
        row(rows, benchmark + "P99", params, summary.p99(), "ms");
    }

    /** One figure of its own (a duration, a count, a projection). */
    public static void single(ArrayNode rows, String benchmark, String params, double score, String unit) {
        row(rows, benchmark, params, score, unit);
    }

    private static void row(ArrayNode rows, String benchmark, String params, double score, String unit) {
        ObjectNode row = rows.addObject();
        row.put("benchmark", "io.accessloop.bench." + benchmark);
        ObjectNode p = row.putObject("params");
        for (String pair : params.isBlank() ? new String[0] : params.split(",")) {
            String[] kv = pair.trim().split("=", 2);
            p.put(kv[0], kv[1]);
        }
        ObjectNode metric = row.putObject("primaryMetric");
        metric.put("score", score);
        metric.put("scoreError", Double.NaN);
        metric.put("scoreUnit", unit);
    }

    public static void write(Path file, ArrayNode rows) throws IOException {
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rows);
    }
}
