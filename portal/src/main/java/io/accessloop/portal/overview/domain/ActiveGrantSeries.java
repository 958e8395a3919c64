package io.accessloop.portal.overview.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Active grants over a window, worked backwards from the number active now: just before a grant started there was
 * one fewer, just before one ended one more. Only the window's changes are needed, not the whole history.
 */
public final class ActiveGrantSeries {

    /** How many grants were active at {@code at}. */
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
        for (int i = 0; i < samples; i++) {
            Instant at = i == samples - 1 ? to : from.plus(step.multipliedBy(i));
            int later = 0;
            for (GrantChange change : changes) {
                if (change.at().isAfter(at)) {
                    later += change.delta();
                }
            }
            // a change the window missed (its start before the ledger query's limit) could push this below zero
            points.add(new Point(at, Math.max(0, activeNow - later)));
        }
        return points;
    }
}
