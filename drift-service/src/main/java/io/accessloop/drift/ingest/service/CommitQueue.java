package io.accessloop.drift.ingest.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Group commit: items submitted while earlier commits are running wait in a bounded queue and are committed together,
 * up to {@code maxBatch} rows at a time, by at most {@code maxConcurrent} commits at once. An item is usually one
 * row; an item of several rows (a whole delivery) is never split, and one larger than {@code maxBatch} is committed
 * alone. With nothing in flight an item is committed at once, so a lone item waits for no timer; under load each
 * commit carries everything that arrived during the previous one. Each submitter's {@code Uni} completes only when the commit holding its item did.
 * <p>
 * A commit that fails because of one row ({@code rowLevel} says which failures those are) is retried item by item,
 * so only the offending item fails; any other failure (the database is gone) fails the whole batch at once.
 */
public final class CommitQueue<T, R> {

    private final int maxBatch;
    private final int maxPending;
    private final int maxConcurrent;
    private final ToLongFunction<T> weight;
    private final ToIntFunction<T> rows;
    private final long maxPendingWeight;
    private final Function<List<T>, Uni<List<R>>> commit;
    private final Predicate<Throwable> rowLevel;
    private final Consumer<Runnable> dispatcher;
    private final ArrayDeque<Waiting<T, R>> queue = new ArrayDeque<>();
    private int inFlight;
    private long pendingWeight;
    private int pendingRows;

    /** A queue bounded by the number of waiting items only. */
    public CommitQueue(int maxBatch, int maxPending, int maxConcurrent, Function<List<T>, Uni<List<R>>> commit,
                       Predicate<Throwable> rowLevel, Consumer<Runnable> dispatcher) {
        this(maxBatch, maxPending, item -> 0, Long.MAX_VALUE, maxConcurrent, commit, rowLevel, dispatcher);
    }

    /**
     * @param weight           what an item costs while it waits (e.g. its size in bytes)
     * @param maxPendingWeight most total weight that may wait; an item that would exceed it is refused
     * @param commit     stores a batch in one transaction and returns one result per item, in order
     * @param rowLevel   failures one item can cause (the batch is then retried item by item)
     * @param dispatcher runs a commit where the database client may be used (a fresh Vert.x context)
     */
    public CommitQueue(int maxBatch, int maxPending, ToLongFunction<T> weight, long maxPendingWeight, int maxConcurrent,
                       Function<List<T>, Uni<List<R>>> commit, Predicate<Throwable> rowLevel,
                       Consumer<Runnable> dispatcher) {
        this(maxBatch, maxPending, item -> 1, weight, maxPendingWeight, maxConcurrent, commit, rowLevel, dispatcher);
    }

    /**
     * A queue whose items may stand for several rows each: {@code maxBatch} and {@code maxPending} count rows.
     *
     * @param rows how many rows an item stands for (at least one)
     */
    public CommitQueue(int maxBatch, int maxPending, ToIntFunction<T> rows, ToLongFunction<T> weight,
                       long maxPendingWeight, int maxConcurrent, Function<List<T>, Uni<List<R>>> commit,
                       Predicate<Throwable> rowLevel, Consumer<Runnable> dispatcher) {
        if (maxBatch < 1 || maxPending < 1 || maxConcurrent < 1 || maxPendingWeight < 1) {
            throw new IllegalArgumentException("batch size, pending limit and concurrency must be positive");
        }
        this.maxBatch = maxBatch;
        this.maxPending = maxPending;
        this.maxConcurrent = maxConcurrent;
        this.weight = weight;
        this.rows = rows;
        this.maxPendingWeight = maxPendingWeight;
        this.commit = commit;
        this.rowLevel = rowLevel;
        this.dispatcher = dispatcher;
    }

    /**
     * Queues {@code item}; fails with {@link QueueFullException} when its rows would take the waiting rows over
     * {@code maxPending} or its weight would take the waiting items over {@code maxPendingWeight}.
     */
    public Uni<R> submit(T item) {
        return Uni.createFrom().emitter(emitter -> {
            long cost = weight.applyAsLong(item);
            int size = Math.max(1, rows.applyAsInt(item));
            synchronized (this) {
                if (pendingRows + size > maxPending || pendingWeight + cost > maxPendingWeight) {
                    emitter.fail(new QueueFullException(pendingRows));
                    return;
                }
                queue.add(new Waiting<>(item, emitter, cost, size));
                pendingWeight += cost;
                pendingRows += size;
            }
            drain();
        });
    }

    /** Rows waiting for a commit (not counting those being committed); items when each item is one row. */
    public synchronized int pending() {
        return pendingRows;
    }

    /** Total weight of the items waiting for a commit. */
    public synchronized long pendingWeight() {
        return pendingWeight;
    }

    private void drain() {
        while (true) {
            List<Waiting<T, R>> batch;
            synchronized (this) {
                if (inFlight >= maxConcurrent || queue.isEmpty()) {
                    return;
                }
                inFlight++;
                batch = new ArrayList<>(Math.min(maxBatch, queue.size()));
                int batchRows = 0;
                while (!queue.isEmpty() && (batch.isEmpty() || batchRows + queue.peek().rows() <= maxBatch)) {
                    Waiting<T, R> next = queue.poll();
                    pendingWeight -= next.weight();
                    pendingRows -= next.rows();
                    batchRows += next.rows();
                    batch.add(next);
                }
            }
            dispatcher.accept(() -> attempt(batch)
                    .onTermination().invoke(this::finished)
                    .subscribe().with(done -> { }, failure -> { }));
        }
    }

    private void finished() {
        synchronized (this) {
            inFlight--;
        }
        drain();
    }

    private Uni<Void> attempt(List<Waiting<T, R>> batch) {
        return Uni.createFrom().deferred(() -> commit.apply(batch.stream().map(Waiting::item).toList()))
                .onItem().invoke(results -> complete(batch, results))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    if (batch.size() > 1 && rowLevel.test(failure)) {
                        return Multi.createFrom().iterable(batch)
                                .onItem().transformToUniAndConcatenate(one -> attempt(List.of(one)))
                                .collect().last().replaceWithVoid();
                    }
                    batch.forEach(waiting -> waiting.emitter().fail(failure));
                    return Uni.createFrom().voidItem();
                });
    }

    private void complete(List<Waiting<T, R>> batch, List<R> results) {
        if (results.size() != batch.size()) {
            IllegalStateException wrong = new IllegalStateException(
                    "a commit of " + batch.size() + " items returned " + results.size() + " results");
            batch.forEach(waiting -> waiting.emitter().fail(wrong));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).emitter().complete(results.get(i));
        }
    }

    private record Waiting<T, R>(T item, UniEmitter<? super R> emitter, long weight, int rows) {
    }

    /** The queue holds as many items as it may: the caller should answer "busy, retry later". */
    public static final class QueueFullException extends RuntimeException {

        QueueFullException(int waiting) {
            super(waiting + " notifications are already waiting to be stored", null, false, false);
        }
    }
}
