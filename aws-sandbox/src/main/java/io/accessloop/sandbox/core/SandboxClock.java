package io.accessloop.sandbox.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's notion of "now": system time plus a settable offset, so tests can move time forward
 * (token expiry, CloudTrail times, Access Advisor) without waiting. The clock keeps ticking after a change.
 */
public final class SandboxClock {

    private final Clock system;
    private final AtomicLong offsetMillis = new AtomicLong();

    public SandboxClock(Clock system) {
        this.system = system;
    }

    public static SandboxClock systemUtc() {
        return new SandboxClock(Clock.systemUTC());
    }

    public Instant now() {
        return Instant.ofEpochMilli(system.millis() + offsetMillis.get());
    }

    public void set(Instant target) {
        offsetMillis.set(target.toEpochMilli() - system.millis());
    }

    public void advance(Duration amount) {
        offsetMillis.addAndGet(amount.toMillis());
    }

    public void reset() {
        offsetMillis.set(0);
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }
}
