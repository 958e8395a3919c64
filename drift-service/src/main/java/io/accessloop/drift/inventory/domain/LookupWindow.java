package io.accessloop.drift.inventory.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One CloudTrail query for many waiting changes of an account: from the earliest time any of them can have been
 * caused to the latest, limited to changes whose windows start within {@code span} of the earliest, and never past
 * now (CloudTrail holds nothing later).
 *
 * @param covered the changes the query answers for; the others wait for a later query
 */
public record LookupWindow<T>(Instant from, Instant to, List<T> covered) {

    /** Null when {@code waiting} is empty. */
    public static <T> LookupWindow<T> cover(Collection<T> waiting, Function<T, Instant> from, Function<T, Instant> to,
                                            Duration span, Instant now) {
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("lookup window span must be positive, got " + span);
        }
        Instant earliest = waiting.stream().map(from).min(Instant::compareTo).orElse(null);
        if (earliest == null) {
            return null;
        }
        Instant limit = earliest.plus(span);
        List<T> covered = waiting.stream().filter(w -> from.apply(w).isBefore(limit)).toList();
        Instant latest = covered.stream().map(to).max(Instant::compareTo).orElseThrow();
        Instant end = latest.isAfter(now) ? now : latest;
        return new LookupWindow<>(earliest, end.isBefore(earliest) ? earliest : end, covered);
    }
}
