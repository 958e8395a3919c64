package io.accessloop.portal.overview.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Active grants over a window, worked backwards from the number active now: just before a grant started there was
 * one fewer, just before one ended one more. Only the window's changes are needed, not the whole history. Each point
 * holds the most grants active at once since the point before, so a grant shorter than the spacing still shows.
 */
public final class ActiveGrantSeries {

    /** The most grants active at once in the stretch that ends at {@code at} (the first point: at that moment). */
    public record Point(Instant at, int active) {
    }

    private ActiveGrantSeries() {
    }

    /** {@code samples} evenly spaced points from {@code from} to {@code to}, both included. */
    public static List<Point> of(int activeNow, List<GrantChange> changes, Instant from, Instant to, int samples) {
        if (activeNow < 0) {
            throw new IllegalArgumentException("active grants cannot be negative: " + activeNow);
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the window must start before it ends");
        }
        if (samples < 2) {
            throw new IllegalArgumentException("a series needs at least two points");
        }
        Duration step = Duration.between(from, to).dividedBy(samples - 1);
        List<Point> points = new ArrayList<>(samples);
        Instant previous = null;
        for (int i = 0; i < samples; i++) {
            Instant at = i == samples - 1 ? to : from.plus(step.multipliedBy(i));
            int peak = activeAt(activeNow, changes, at);
            if (previous != null) {
                peak = Math.max(peak, activeAt(activeNow, changes, previous));
                for (GrantChange change : changes) {
                    if (change.at().isAfter(previous) && !change.at().isAfter(at)) {
                        peak = Math.max(peak, activeAt(activeNow, changes, change.at()));
                    }
                }
            }
            points.add(new Point(at, peak));
            previous = at;
        }
        return points;
    }

    /** Grants active at {@code at}: a change at that very moment has happened already. */
    private static int activeAt(int activeNow, List<GrantChange> changes, Instant at) {
        int later = 0;
        for (GrantChange change : changes) {
            if (change.at().isAfter(at)) {
                later += change.delta();
            }
        }
        // a change the window missed (its start before the ledger query's limit) could push this below zero
        return Math.max(0, activeNow - later);
    }
}
