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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The soak (issue 11, item 4): the running local stack under steady mixed load — access requests, approvals,
 * credentials, Config changes, HR terminations, portal pages — for a warm-up and then a judged window. The heap in
 * use after a full GC is sampled per service all along (every service at once, every few seconds); the warm-up's
 * samples are shown but not judged (caches, connection pools and JIT fill up there). On the judged window a
 * least-squares line through each service's samples gives the rise; the soak fails (exit 1) on any request error, or
 * when a service's fitted rise is over {@code --max-growth-percent} (default 25) of its fitted start and over
 * {@code --max-growth-mib} (default 16). The aws-sandbox is reported but not judged: it keeps CloudTrail and Config
 * history by design, up to its capacity.
 * Usage: {@code Soak <results.json> <notes.json> --seconds N [--warm-up W] [--max-growth-percent P]
 * [--max-growth-mib M]}: N seconds judged after W seconds of warm-up (default max(20, N/3)).
 */
public final class Soak {

    private static final double MIB = 1024 * 1024;

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 75;
        Integer warmUpOption = null;
        double maxPercent = 25;
        double maxMib = 16;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warm-up" -> warmUpOption = Integer.parseInt(args[++i]);
                case "--max-growth-percent" -> maxPercent = Double.parseDouble(args[++i]);
                case "--max-growth-mib" -> maxMib = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (seconds < 20) {
            throw new IllegalArgumentException("--seconds must be at least 20 (a judged window needs several samples)");
        }
        int warmUp = warmUpOption != null ? warmUpOption : Math.max(20, seconds / 3);
        Map<String, Long> pids = HeapProbe.pids();
        if (pids.size() < HeapProbe.SERVICES.size()) {
            throw new IllegalStateException("the local run is not fully up: found only " + pids.keySet());
        }
        MixedLoad load = MixedLoad.start();
        int total = warmUp + seconds;
        int interval = Math.max(5, Math.min(30, seconds / 8));
        System.out.printf("soak: %d s of mixed load: %d s warm-up (not judged), then %d s judged; heap after GC of every "
                + "service every %d s; services %s%n", total, warmUp, seconds, interval, pids);
        ExecutorService pool = Executors.newFixedThreadPool(MixedLoad.WORKERS);
        ExecutorService probes = Executors.newFixedThreadPool(pids.size());
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
        // sample times: 0, interval, 2·interval, … up to the end, always one at the warm-up's end and one at the end
        TreeSet<Long> times = new TreeSet<>();
        for (long t = 0; t < total; t += interval) {
            times.add(t);
        }
        times.add((long) warmUp);
        times.add((long) total);
        for (long t : times) {
            sleepUntil(start + Duration.ofSeconds(t).toNanos());
            if (t == total) {
                for (Future<?> worker : workers) {
                    worker.get();
                }
            }
            List<Future<?>> round = new ArrayList<>();
            pids.forEach((name, pid) -> round.add(probes.submit(() -> HeapProbe.afterGc(pid)
                    .ifPresent(bytes -> trends.get(name).add(t, bytes)))));
            for (Future<?> probe : round) {
                probe.get();
            }
        }
        pool.shutdown();
        probes.shutdown();

        ArrayNode rows = Http.JSON.createArrayNode();
        ObjectNode notes = Http.JSON.createObjectNode();
        StringBuilder failures = new StringBuilder();
        double worst = Double.NEGATIVE_INFINITY;
        String worstService = "";
        int growing = 0;
        for (var entry : trends.entrySet()) {
            String name = entry.getKey();
            HeapTrend all = entry.getValue();
            HeapTrend judged = all.from(warmUp);
            String params = "service=" + name;
            if (judged.size() < 3) {
                failures.append(name).append(": heap could not be read often enough (")
                        .append(judged.size()).append(" samples after the warm-up); ");
                continue;
            }
            boolean isJudged = !name.equals(HeapProbe.SANDBOX);
            LoadResults.single(rows, "soak.Soak.heapAfterGcRunStartMiB", params, all.first() / MIB, "MiB");
            LoadResults.single(rows, "soak.Soak.heapAfterGcJudgedStartMiB", params, judged.first() / MIB, "MiB");
            LoadResults.single(rows, "soak.Soak.heapAfterGcEndMiB", params, judged.last() / MIB, "MiB");
            LoadResults.single(rows, "soak.Soak.heapSlopeJudged", params, judged.slopeMibPerMinute(), "MiB/min");
            LoadResults.single(rows, "soak.Soak.heapFittedGrowthJudged", params, judged.fittedGrowthPercent(), "%");
            StringBuilder series = new StringBuilder();
            for (int i = 0; i < all.size(); i++) {
                series.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%s%.0f", all.secondsAt(i) < warmUp
                        ? "(" : "", all.at(i) / MIB)).append(all.secondsAt(i) < warmUp ? ")" : "");
            }
            double growth = judged.fittedGrowthPercent();
            double rise = judged.fittedRiseMib();
            System.out.printf(Locale.ROOT, "soak: %-18s heap after GC, MiB (warm-up in brackets): %s; judged %.0f–%.0f s: "
                            + "fitted rise %+.1f MiB (%+.1f %%), %.2f MiB/min%s%n", name, series, judged.secondsAt(0),
                    judged.secondsAt(judged.size() - 1), rise, growth, judged.slopeMibPerMinute(),
                    isJudged ? "" : " (reported, not judged)");
            if (isJudged && growth > worst) {
                worst = growth;
                worstService = name;
            }
            if (isJudged && growth > maxPercent && rise > maxMib) {
                growing++;
                failures.append(String.format(Locale.ROOT, "%s heap after GC rose %.1f MiB (%.1f %%) over the judged "
                        + "window; ", name, rise, growth));
            }
        }
        LoadResults.single(rows, "soak.Soak.worstHeapGrowth", "seconds=" + seconds + ", warmUp=" + warmUp
                + ", services=4", worst, "%");
        LoadResults.single(rows, "soak.Soak.servicesWithGrowingHeap", "seconds=" + seconds + ", warmUp=" + warmUp
                + ", services=4", growing, "services");
        long errors = 0;
        for (var op : load.summaries(seconds).entrySet()) {
            LatencyRecorder.Summary summary = op.getValue();
            LoadResults.add(rows, "soak.Soak." + op.getKey(), "seconds=" + seconds, summary);
            errors += summary.failures();
            System.out.printf(Locale.ROOT, "soak: %-24s %6d ok %4d errors  p50 %.1f  p95 %.1f  p99 %.1f ms%n", op.getKey(),
                    summary.calls(), summary.failures(), summary.p50(), summary.p95(), summary.p99());
        }
        LoadResults.single(rows, "soak.Soak.errors", "seconds=" + total, errors, "errors");
        long backlog = load.offboardingsOpen();
        LoadResults.single(rows, "soak.Soak.offboardingsOpenAtEnd", "seconds=" + total, backlog, "cases");
        System.out.printf(Locale.ROOT, "soak: offboarding cases of the soak's terminations still open at the end: %d "
                + "(reported, not judged: a number that grows with the soak's length means offboarding falls behind)%n",
                backlog);
        if (errors > 0) {
            failures.append(errors).append(" request errors (first: ").append(load.firstError()).append("); ");
        }
        String rule = String.format(Locale.ROOT, "judged: heap after a full GC of broker, drift, lifecycle and portal, "
                + "sampled every %d s; the first %d s are warm-up (shown, not judged); on the %d s after it a "
                + "least-squares line per service, failing when its rise is over %.0f %% of its start and over %.0f MiB; "
                + "any request error (warm-up included) fails too; the aws-sandbox is reported but not judged (it keeps "
                + "CloudTrail and Config history by design, up to its capacity); worst: %s", interval, warmUp, seconds,
                maxPercent, maxMib, worstService.isEmpty() ? "none" : worstService);
        String failed = failures.toString().replaceAll("; $", "");
        notes.put("soak.Soak.servicesWithGrowingHeap", rule + (failures.length() == 0 ? "; passed" : "; FAILED: " + failed));
        if (errors > 0) {
            notes.put("soak.Soak.errors", "first error: " + load.firstError());
        }
        LoadResults.write(Path.of(args[0]), rows);
        Files.writeString(Path.of(args[1]), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(notes));
        System.out.println("soak: " + rule);
        if (failures.length() > 0) {
            System.out.println("soak: FAILED: " + failed);
            System.exit(1);
        }
        System.out.println("soak: passed");
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
