package io.accessloop.sandbox.cloudwatch;

import io.accessloop.sandbox.core.AwsError;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** CloudWatch's basic statistics over the data of one period. */
final class Statistics {

    static final Set<String> NAMES = Set.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");

    private Statistics() {
    }

    static void requireKnown(String statistic, String field) {
        if (!NAMES.contains(statistic)) {
            throw new AwsError("InvalidParameterValue", 400, "The parameter " + field + " must be one of "
                    + "SampleCount, Average, Sum, Minimum, Maximum (extended statistics are not supported by the "
                    + "sandbox), not " + statistic + ".");
        }
    }

    static double of(String statistic, List<Datum> data) {
        double count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Datum d : data) {
            count += d.sampleCount();
            sum += d.sum();
            min = Math.min(min, d.minimum());
            max = Math.max(max, d.maximum());
        }
        return switch (statistic) {
            case "SampleCount" -> count;
            case "Sum" -> sum;
            case "Minimum" -> min;
            case "Maximum" -> max;
            default -> count == 0 ? 0 : sum / count;
        };
    }

    /** The start of the period containing {@code t}, periods aligned to the epoch. */
    static Instant periodStart(Instant t, int periodSeconds) {
        long s = t.getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, periodSeconds));
    }
}
