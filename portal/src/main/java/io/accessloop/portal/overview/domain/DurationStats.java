package io.accessloop.portal.overview.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A distribution of durations (time to grant, time to revoke): median, 90th percentile, maximum and buckets. */
public record DurationStats(int count, Duration median, Duration p90, Duration max, List<Bucket> buckets) {

    /** How many samples fell in {@code [from, to)}; {@code to} is null for the open last bucket. */
    public record Bucket(String label, Duration from, Duration to, int count) {
    }

    private static final List<Duration> EDGES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1));
    private static final List<String> LABELS = List.of("under 1 s", "1–10 s", "10 s–1 min", "1–10 min",
            "10 min–1 h", "1 h or more");

    public static DurationStats of(List<Duration> samples) {
        List<Duration> sorted = new ArrayList<>(samples);
        if (sorted.stream().anyMatch(d -> d == null || d.isNegative())) {
            throw new IllegalArgumentException("durations must be present and not negative");
        }
        sorted.sort(Comparator.naturalOrder());
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i <= EDGES.size(); i++) {
            Duration lower = i == 0 ? Duration.ZERO : EDGES.get(i - 1);
            Duration upper = i == EDGES.size() ? null : EDGES.get(i);
            int n = (int) sorted.stream()
                    .filter(d -> d.compareTo(lower) >= 0 && (upper == null || d.compareTo(upper) < 0)).count();
            buckets.add(new Bucket(LABELS.get(i), lower, upper, n));
        }
        if (sorted.isEmpty()) {
            return new DurationStats(0, null, null, null, buckets);
        }
        return new DurationStats(sorted.size(), rank(sorted, 0.5), rank(sorted, 0.9), sorted.get(sorted.size() - 1),
                buckets);
    }

    /** Nearest-rank percentile: the smallest sample with at least {@code q} of all samples at or below it. */
    private static Duration rank(List<Duration> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    /** The largest bucket count, for scaling bars (at least 1). */
    public int tallest() {
        return Math.max(1, buckets.stream().mapToInt(Bucket::count).max().orElse(0));
    }

    /** A duration as people read it: {@code 850 ms}, {@code 1.5 s}, {@code 12 s}, {@code 4 min 10 s}, {@code 2 h 5 min}. */
    public static String human(Duration d) {
        if (d == null) {
            return "–";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return (s / 3600) + " h" + ((s % 3600) / 60 == 0 ? "" : " " + ((s % 3600) / 60) + " min");
    }
}
