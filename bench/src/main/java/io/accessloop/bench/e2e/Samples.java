package io.accessloop.bench.e2e;

import io.accessloop.bench.load.LatencyRecorder;

/**
 * Latencies of one end-to-end driver, one sample per iteration, with the driver's wall time for the rate. The
 * first {@code warmUp} samples (JIT and connection warm-up of the services) are left out, failures never are.
 */
final class Samples {

    static final int WARM_UP = 3;

    private final LatencyRecorder recorder = new LatencyRecorder(1_000_000);
    private final int warmUp;
    private long start = System.nanoTime();
    private int seen;

    Samples() {
        this(0);
    }

    Samples(int warmUp) {
        this.warmUp = warmUp;
    }

    void add(long nanos) {
        if (++seen == warmUp) {
            start = System.nanoTime();
        }
        if (seen > warmUp) {
            recorder.record(nanos, true);
        }
    }

    void failed() {
        seen++;
        recorder.record(0, false);
    }

    LatencyRecorder.Summary summary() {
        return recorder.summarise((System.nanoTime() - start) / 1e9);
    }
}
