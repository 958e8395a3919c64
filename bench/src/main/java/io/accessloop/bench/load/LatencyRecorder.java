package io.accessloop.bench.load;

import java.util.Arrays;

/** Collects per-call latencies of one load run and summarises them as throughput and percentiles. */
public final class LatencyRecorder {

    private final long[] nanos;
    private int count;
    private int failures;

    public LatencyRecorder(int capacity) {
        this.nanos = new long[capacity];
    }

    public synchronized void record(long elapsedNanos, boolean ok) {
        if (!ok) {
            failures++;
            return;
        }
        if (count < nanos.length) {
            nanos[count++] = elapsedNanos;
        }
    }

    public synchronized Summary summarise(double seconds) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                count, failures);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }

    /** Throughput in calls per second and latencies in milliseconds. */
    public record Summary(double perSecond, double p50, double p95, double p99, int calls, int failures) {
    }
}
