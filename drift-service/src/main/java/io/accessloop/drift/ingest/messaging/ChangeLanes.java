package io.accessloop.drift.ingest.messaging;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs tasks with bounded concurrency, one at a time per lane. Tasks with the same key always share a lane, so they
 * run one after another in the order they were submitted; tasks in different lanes run at the same time. At most
 * {@code maxPending} tasks are admitted (running or waiting in their lane): {@link #submit} completes once its task
 * is admitted, so a caller that waits for it takes no more work while the lanes are full.
 */
public final class ChangeLanes {

    private final Lane[] lanes;
    private final int maxPending;
    private final Deque<Waiting> admissions = new ArrayDeque<>();
    private int pending;
    private int running;

    ChangeLanes(int concurrency, int maxPending) {
        if (concurrency < 1 || maxPending < concurrency) {
            throw new IllegalArgumentException("processing needs concurrency >= 1 and max-pending >= concurrency, got "
                    + concurrency + " and " + maxPending);
        }
        this.lanes = new Lane[concurrency];
        for (int i = 0; i < concurrency; i++) {
            lanes[i] = new Lane();
        }
        this.maxPending = maxPending;
    }

    /** The lane a key runs in, out of {@code lanes}. */
    public static int laneOf(String key, int lanes) {
        return Math.floorMod(key.hashCode(), lanes);
    }

    /** Queues {@code task} in its key's lane; completes when it was admitted, not when it ran. */
    CompletionStage<Void> submit(String key, Supplier<CompletionStage<?>> task) {
        Lane lane = lanes[laneOf(key, lanes.length)];
        Waiting waiting = new Waiting(lane, task, new CompletableFuture<>());
        Runnable start;
        synchronized (this) {
            if (pending >= maxPending) {
                admissions.add(waiting);
                return waiting.admitted();
            }
            start = admit(waiting);
        }
        waiting.admitted().complete(null);
        start.run();
        return waiting.admitted();
    }

    /** Tasks running now. */
    synchronized int running() {
        return running;
    }

    /** Tasks admitted and not finished (running or waiting in a lane). */
    synchronized int pending() {
        return pending;
    }

    /** Holds the monitor. Returns what to run outside it: the task if its lane was idle, else nothing. */
    private Runnable admit(Waiting waiting) {
        pending++;
        Lane lane = waiting.lane();
        if (lane.busy) {
            lane.queue.add(waiting.task());
            return () -> { };
        }
        lane.busy = true;
        running++;
        return () -> run(lane, waiting.task());
    }

    private void run(Lane lane, Supplier<CompletionStage<?>> task) {
        CompletionStage<?> done;
        try {
            done = task.get();
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((ignored, failure) -> finished(lane));
    }

    private void finished(Lane lane) {
        Supplier<CompletionStage<?>> next;
        Waiting admitted = null;
        Runnable startAdmitted = null;
        synchronized (this) {
            pending--;
            next = lane.queue.poll();
            if (next == null) {
                lane.busy = false;
                running--;
            }
            if (!admissions.isEmpty()) {
                admitted = admissions.poll();
                startAdmitted = admit(admitted);
            }
        }
        if (admitted != null) {
            admitted.admitted().complete(null);
        }
        if (next != null) {
            run(lane, next);
        }
        if (startAdmitted != null) {
            startAdmitted.run();
        }
    }

    private static final class Lane {
        private final Deque<Supplier<CompletionStage<?>>> queue = new ArrayDeque<>();
        private boolean busy;
    }

    private record Waiting(Lane lane, Supplier<CompletionStage<?>> task, CompletableFuture<Void> admitted) {
    }
}
