package io.accessloop.bench.soak;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.bench.e2e.Http;
import io.accessloop.bench.e2e.MixedLoad;
import io.accessloop.bench.load.LatencyRecorder;
import io.accessloop.bench.load.LoadResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The soak (issue 11, item 4): the running local stack under steady mixed load — access requests, approvals,
 * credentials, Config changes, HR terminations, portal pages — for a fixed time. Reports per service the heap in use
 * after a full GC at start (after a warm-up), middle and end, the fitted slope, every operation's latency
 * percentiles and the error count. Fails (exit 1) on any error, or when a service's heap after GC grew by more than
 * {@code --max-growth-percent} (default 25) and by more than {@code --max-growth-mib} (default 16) from start to end.
 * Usage: {@code Soak <results.json> <notes.json> --seconds N [--max-growth-percent P] [--max-growth-mib M]}.
 */
public final class Soak {

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 75;
        double maxPercent = 25;
        double maxMib = 16;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--max-growth-percent" -> maxPercent = Double.parseDouble(args[++i]);
                case "--max-growth-mib" -> maxMib = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, Long> pids = HeapProbe.pids();
        if (pids.size() < HeapProbe.SERVICES.size()) {
            throw new IllegalStateException("the local run is not fully up: found only " + pids.keySet());
        }
        MixedLoad load = MixedLoad.start();
        int warmUp = Math.max(10, seconds / 5);
        System.out.printf("soak: %d s of mixed load (%d s warm-up first), services %s%n", seconds, warmUp, pids);
        ExecutorService pool = Executors.newFixedThreadPool(MixedLoad.WORKERS);
        long start = System.nanoTime();
        long warmEnd = start + Duration.ofSeconds(warmUp).toNanos();
        long end = warmEnd + Duration.ofSeconds(seconds).toNanos();
        Future<?>[] workers = new Future<?>[MixedLoad.WORKERS];
        for (int w = 0; w < MixedLoad.WORKERS; w++) {
            int worker = w;
            workers[w] = pool.submit(() -> load.work(worker, end, warmEnd));
        }
        Map<String, HeapTrend> trends = new LinkedHashMap<>();
        pids.keySet().forEach(name -> trends.put(name, new HeapTrend()));
        sleepUntil(warmEnd);
        int samples = Math.max(3, Math.min(9, seconds / 10 + 1));
        for (int s = 0; s < samples; s++) {
            long at = warmEnd + (end - warmEnd) * s / (samples - 1);
            sleepUntil(at);
            if (s == samples - 1) {
                for (Future<?> worker : workers) {
                    worker.get();
                }
            }
            double t = (System.nanoTime() - warmEnd) / 1e9;
            pids.forEach((name, pid) -> HeapProbe.afterGc(pid).ifPresent(bytes -> trends.get(name).add(t, bytes)));
        }
        pool.shutdown();

        ArrayNode rows = Http.JSON.createArrayNode();
        ObjectNode notes = Http.JSON.createObjectNode();
        StringBuilder failures = new StringBuilder();
        double worst = Double.NEGATIVE_INFINITY;
        for (var entry : trends.entrySet()) {
            HeapTrend trend = entry.getValue();
            String params = "service=" + entry.getKey();
            if (trend.size() < 2) {
                failures.append(entry.getKey()).append(": heap could not be read; ");
                continue;
            }
            LoadResults.single(rows, "soak.Soak.heapAfterGcStartMiB", params, trend.first() / 1048576.0, "MiB");
            LoadResults.single(rows, "soak.Soak.heapAfterGcMiddleMiB", params, trend.at(trend.size() / 2) / 1048576.0, "MiB");
            LoadResults.single(rows, "soak.Soak.heapAfterGcEndMiB", params, trend.last() / 1048576.0, "MiB");
            LoadResults.single(rows, "soak.Soak.heapSlope", params, trend.slopeMibPerMinute(), "MiB/min");
            double growth = trend.growthPercent();
            double grownMib = (trend.last() - trend.first()) / 1048576.0;
            if (!entry.getKey().equals(HeapProbe.SANDBOX)) {
                worst = Math.max(worst, growth);
            }
            System.out.printf(Locale.ROOT, "soak: %-18s heap after GC %.1f → %.1f → %.1f MiB (%+.1f %%, %.2f MiB/min)%n",
                    entry.getKey(), trend.first() / 1048576.0, trend.at(trend.size() / 2) / 1048576.0,
                    trend.last() / 1048576.0, growth, trend.slopeMibPerMinute());
            if (growth > maxPercent && grownMib > maxMib && !entry.getKey().equals(HeapProbe.SANDBOX)) {
                failures.append(String.format(Locale.ROOT, "%s heap after GC grew %.1f %% (%.1f MiB); ", entry.getKey(),
                        growth, grownMib));
            }
        }
        LoadResults.single(rows, "soak.Soak.worstHeapGrowth", "seconds=" + seconds + ", services=4", worst, "%");
        long errors = 0;
        for (var op : load.summaries(seconds).entrySet()) {
            LatencyRecorder.Summary summary = op.getValue();
            LoadResults.add(rows, "soak.Soak." + op.getKey(), "seconds=" + seconds, summary);
            errors += summary.failures();
            System.out.printf(Locale.ROOT, "soak: %-24s %6d ok %4d errors  p50 %.1f  p95 %.1f  p99 %.1f ms%n", op.getKey(),
                    summary.calls(), summary.failures(), summary.p50(), summary.p95(), summary.p99());
        }
        LoadResults.single(rows, "soak.Soak.errors", "seconds=" + seconds, errors, "errors");
        if (errors > 0) {
            failures.append(errors).append(" request errors (first: ").append(load.firstError()).append("); ");
        }
        String rule = String.format(Locale.ROOT, "fails on any error or a service's heap-after-GC growth over %.0f %% and "
                + "%.0f MiB from start (after a %d s warm-up) to end; the aws-sandbox is reported but not judged (it keeps "
                + "CloudTrail and Config history by design, up to its capacity)", maxPercent, maxMib, warmUp);
        String failed = failures.toString().replaceAll("; $", "");
        notes.put("soak.Soak.worstHeapGrowth", rule + (failures.length() == 0 ? "; passed" : "; FAILED: " + failed));
        if (errors > 0) {
            notes.put("soak.Soak.errors", "first error: " + load.firstError());
        }
        LoadResults.write(Path.of(args[0]), rows);
        Files.writeString(Path.of(args[1]), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(notes));
        if (failures.length() > 0) {
            System.out.println("soak: FAILED: " + failed);
            System.exit(1);
        }
        System.out.println("soak: passed (" + rule + ")");
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
