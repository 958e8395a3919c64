package io.accessloop.sandbox.cloudwatch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recorded datum of PutMetricData: a single value, a values/counts array or a statistic set, reduced to its
 * sample count, sum, minimum and maximum (what the statistics need), with the values as sent.
 */
public record Datum(MetricKey metric, Instant timestamp, String unit, int storageResolution, double sampleCount,
                    double sum, double minimum, double maximum, List<Double> values, List<Double> counts) {

    /** The datum as the control endpoint shows it. */
    public Map<String, Object> view() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("namespace", metric.namespace());
        out.put("metricName", metric.metricName());
        out.put("dimensions", metric.dimensions());
        out.put("timestamp", timestamp.toString());
        out.put("unit", unit);
        out.put("storageResolution", storageResolution);
        out.put("sampleCount", sampleCount);
        out.put("sum", sum);
        out.put("minimum", minimum);
        out.put("maximum", maximum);
        out.put("values", values);
        out.put("counts", counts);
        return out;
    }
}
