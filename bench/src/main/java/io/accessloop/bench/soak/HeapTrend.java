package io.accessloop.bench.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * Heap-after-GC samples of one service over the soak. The judgement uses a least-squares line through the samples
 * (one noisy sample cannot make or break it): its rise across the samples' time span, in MiB and relative to the
 * line's value at the first sample.
 */
final class HeapTrend {

    private static final double MIB = 1024 * 1024;

    private final List<double[]> samples = new ArrayList<>();

    void add(double seconds, long bytes) {
        samples.add(new double[] {seconds, bytes});
    }

    int size() {
        return samples.size();
    }

    long first() {
        return (long) samples.get(0)[1];
    }

    long last() {
        return (long) samples.get(samples.size() - 1)[1];
    }

    long at(int index) {
        return (long) samples.get(index)[1];
    }

    double secondsAt(int index) {
        return samples.get(index)[0];
    }

    /** The samples taken at or after {@code seconds} (the part of the run after the warm-up). */
    HeapTrend from(double seconds) {
        HeapTrend rest = new HeapTrend();
        samples.stream().filter(s -> s[0] >= seconds).forEach(s -> rest.samples.add(s));
        return rest;
    }

    /** Growth from the first to the last sample, in percent of the first. */
    double growthPercent() {
        return 100.0 * (last() - first()) / first();
    }

    /** MiB per minute, fitted over every sample. */
    double slopeMibPerMinute() {
        return slopeBytesPerSecond() * 60 / MIB;
    }

    /** The fitted line's rise from the first sample's time to the last's, in MiB. */
    double fittedRiseMib() {
        return slopeBytesPerSecond() * span() / MIB;
    }

    /** The fitted line's rise in percent of its value at the first sample's time. */
    double fittedGrowthPercent() {
        double start = fittedAt(samples.get(0)[0]);
        return start <= 0 ? 0 : 100.0 * slopeBytesPerSecond() * span() / start;
    }

    private double span() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[0] - samples.get(0)[0];
    }

    private double fittedAt(double seconds) {
        double[] mean = mean();
        return mean[1] + slopeBytesPerSecond() * (seconds - mean[0]);
    }

    private double[] mean() {
        double mx = 0;
        double my = 0;
        for (double[] s : samples) {
            mx += s[0] / samples.size();
            my += s[1] / samples.size();
        }
        return new double[] {mx, my};
    }

    private double slopeBytesPerSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        double[] mean = mean();
        double num = 0;
        double den = 0;
        for (double[] s : samples) {
            num += (s[0] - mean[0]) * (s[1] - mean[1]);
            den += (s[0] - mean[0]) * (s[0] - mean[0]);
        }
        return den == 0 ? 0 : num / den;
    }
}
