package io.accessloop.cli.broker;

import java.time.Duration;

/** Waits that grow by half each time up to a ceiling: quick answers for quick approvers, little load otherwise. */
public final class Backoff {

    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.next = first;
        this.max = max;
    }

    public Duration next() {
        Duration current = next;
        Duration grown = next.plus(next.dividedBy(2));
        next = grown.compareTo(max) > 0 ? max : grown;
        return current;
    }
}
