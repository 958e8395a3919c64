package io.accessloop.bench.soak;

import java.util.ArrayList;
import java.util.List;

/** Heap-after-GC samples of one service over the soak: growth from first to last, and the least-squares slope. */
final class HeapTrend {

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

    double growthPercent() {
        return 100.0 * (last() - first()) / first();
    }

    /** MiB per minute, fitted over every sample. */
    double slopeMibPerMinute() {
        int n = samples.size();
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (double[] s : samples) {
            mx += s[0] / n;
            my += s[1] / n;
        }
        double num = 0;
        double den = 0;
        for (double[] s : samples) {
            num += (s[0] - mx) * (s[1] - my);
            den += (s[0] - mx) * (s[0] - mx);
        }
        return den == 0 ? 0 : num / den * 60 / (1024 * 1024);
    }
}
