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

/**
 * Group commit: items submitted while earlier commits are running wait in a bounded queue and are committed together,
 * up to {@code maxBatch} at a time, by at most {@code maxConcurrent} commits at once. With nothing in flight an item
 * is committed at once, so a lone item waits for no timer; under load each commit carries everything that arrived
 * during the previous one. Each submitter's {@code Uni} completes only when the commit holding its item did.
 * <p>
 * A commit that fails because of one row ({@code rowLevel} says which failures those are) is retried item by item,
 * so only the offending item fails; any other failure (the database is gone) fails the whole batch at once.
 */
public final class CommitQueue<T, R> {

    private final int maxBatch;
    private final int maxPending;
    private final int maxConcurrent;
    private final Function<List<T>, Uni<List<R>>> commit;
    private final Predicate<Throwable> rowLevel;
    private final Consumer<Runnable> dispatcher;
    private final ArrayDeque<Waiting<T, R>> queue = new ArrayDeque<>();
    private int inFlight;

    /**
     * @param commit     stores a batch in one transaction and returns one result per item, in order
     * @param rowLevel   failures one item can cause (the batch is then retried item by item)
     * @param dispatcher runs a commit where the database client may be used (a fresh Vert.x context)
     */
    public CommitQueue(int maxBatch, int maxPending, int maxConcurrent, Function<List<T>, Uni<List<R>>> commit,
                       Predicate<Throwable> rowLevel, Consumer<Runnable> dispatcher) {
        if (maxBatch < 1 || maxPending < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("batch size, pending limit and concurrency must be positive");
        }
        this.maxBatch = maxBatch;
        this.maxPending = maxPending;
        this.maxConcurrent = maxConcurrent;
        this.commit = commit;
        this.rowLevel = rowLevel;
        this.dispatcher = dispatcher;
    }

    /** Queues {@code item}; fails with {@link QueueFullException} when {@code maxPending} items already wait. */
    public Uni<R> submit(T item) {
        return Uni.createFrom().emitter(emitter -> {
            synchronized (this) {
                if (queue.size() >= maxPending) {
                    emitter.fail(new QueueFullException(maxPending));
                    return;
                }
                queue.add(new Waiting<>(item, emitter));
            }
            drain();
        });
    }

    /** Items waiting for a commit (not counting those being committed). */
    public synchronized int pending() {
        return queue.size();
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
                while (batch.size() < maxBatch && !queue.isEmpty()) {
                    batch.add(queue.poll());
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

    private record Waiting<T, R>(T item, UniEmitter<? super R> emitter) {
    }

    /** The queue holds as many items as it may: the caller should answer "busy, retry later". */
    public static final class QueueFullException extends RuntimeException {

        QueueFullException(int limit) {
            super(limit + " notifications are already waiting to be stored", null, false, false);
        }
    }
}
