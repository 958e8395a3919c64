package io.accessloop.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/** Runs one call in a closed loop on N threads for a fixed time, after a warm-up. */
public final class LoadRun {

    private LoadRun() {
    }

    public static LatencyRecorder.Summary run(BooleanSupplier call, int threads, Duration warmUp, Duration measure)
            throws Exception {
        loop(call, threads, warmUp, new LatencyRecorder(1));
        LatencyRecorder recorder = new LatencyRecorder(5_000_000);
        long start = System.nanoTime();
        loop(call, threads, measure, recorder);
        return recorder.summarise((System.nanoTime() - start) / 1e9);
    }

    private static void loop(BooleanSupplier call, int threads, Duration duration, LatencyRecorder recorder)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.getAsBoolean();
                    } catch (RuntimeException e) {
                        ok = false;
                    }
                    recorder.record(System.nanoTime() - before, ok);
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }
}
