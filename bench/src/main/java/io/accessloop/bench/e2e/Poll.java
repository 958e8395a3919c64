package io.accessloop.bench.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds; answers the nanoTime at which it was first seen true, or -1 on timeout. */
final class Poll {

    private Poll() {
    }

    static long until(BooleanSupplier condition, Duration timeout, long pauseMillis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ok;
            try {
                ok = condition.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            long now = System.nanoTime();
            if (ok) {
                return now;
            }
            if (now > deadline) {
                return -1;
            }
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
        }
    }
}
