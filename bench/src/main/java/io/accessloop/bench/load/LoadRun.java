package io.accessloop.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Runs one call in a closed loop on N threads for a fixed time, after a warm-up: with no think time a saturation test,
 * with one (each thread pauses after each call, outside the timing) a number of users who read what they loaded.
 */
public final class LoadRun {

    private LoadRun() {
    }

    public static LatencyRecorder.Summary run(BooleanSupplier call, int threads, Duration warmUp, Duration measure)
            throws Exception {
        return run(call, threads, warmUp, measure, () -> 0L);
    }

    /**
     * As {@link #run(BooleanSupplier, int, Duration, Duration)}, each thread pausing {@code thinkMillis} after a call
     * (and once before its first, so the threads do not start in step). The threads run on from the warm-up into the
     * measured window; a call counts when it starts inside the window.
     */
    public static LatencyRecorder.Summary run(BooleanSupplier call, int threads, Duration warmUp, Duration measure,
                                              LongSupplier thinkMillis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        LatencyRecorder recorder = new LatencyRecorder(5_000_000);
        long measureStart = System.nanoTime() + warmUp.toNanos();
        long end = measureStart + measure.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit((Callable<Void>) () -> {
                pause(thinkMillis.getAsLong(), end);
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.getAsBoolean();
                    } catch (RuntimeException e) {
                        ok = false;
                    }
                    if (before >= measureStart) {
                        recorder.record(System.nanoTime() - before, ok);
                    }
                    pause(thinkMillis.getAsLong(), end);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return recorder.summarise((System.nanoTime() - measureStart) / 1e9);
    }

    private static void pause(long millis, long end) throws InterruptedException {
        long think = Math.min(millis, (end - System.nanoTime()) / 1_000_000);
        if (think > 0) {
            Thread.sleep(think);
        }
    }
}
