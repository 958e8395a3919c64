package io.accessloop.portal.overview.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pairs a start with its end by a shared key (a request id, a grant id) and measures the time between them. */
public final class Latencies {

    /** Something that happened to {@code key} at {@code at}. */
    public record Stamp(String key, Instant at) {
    }

    private Latencies() {
    }

    /**
     * For every end whose start is known: end minus start. Ends without a start (started before the window) are
     * left out; an end before its start (clock skew between services) counts as zero.
     */
    public static List<Duration> between(List<Stamp> starts, List<Stamp> ends) {
        Map<String, Instant> started = new HashMap<>();
        for (Stamp s : starts) {
            if (s.key() != null && s.at() != null) {
                started.merge(s.key(), s.at(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<Duration> out = new ArrayList<>();
        for (Stamp e : ends) {
            Instant start = e.key() == null ? null : started.get(e.key());
            if (start != null && e.at() != null) {
                Duration d = Duration.between(start, e.at());
                out.add(d.isNegative() ? Duration.ZERO : d);
            }
        }
        return out;
    }
}
