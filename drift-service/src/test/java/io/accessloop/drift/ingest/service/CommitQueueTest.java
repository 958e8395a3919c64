package io.accessloop.drift.ingest.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class CommitQueueTest {

    /** A commit that waits until the test releases it, recording every batch it was given. */
    private static final class HeldCommits {
        final List<List<String>> batches = new ArrayList<>();
        final List<CompletableFuture<Void>> gates = new ArrayList<>();

        synchronized Uni<List<String>> commit(List<String> batch) {
            batches.add(List.copyOf(batch));
            CompletableFuture<Void> gate = new CompletableFuture<>();
            gates.add(gate);
            return Uni.createFrom().completionStage(gate).map(ignored -> batch.stream().map(s -> "stored:" + s).toList());
        }

        void release(int i) {
            gates.get(i).complete(null);
        }
    }

    @Test
    void itemsArrivingWhileACommitRunsAreCommittedTogetherAndEachAnsweredAfterItsOwnCommit() {
        HeldCommits commits = new HeldCommits();
        CommitQueue<String, String> queue = new CommitQueue<>(100, 1000, 1, commits::commit, e -> false, Runnable::run);
        UniAssertSubscriber<String> first = queue.submit("a").subscribe().withSubscriber(UniAssertSubscriber.create());
        List<UniAssertSubscriber<String>> later = new ArrayList<>();
        for (String item : List.of("b", "c", "d")) {
            later.add(queue.submit(item).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        assertThat(commits.batches).containsExactly(List.of("a"));
        assertThat(queue.pending()).isEqualTo(3);
        later.forEach(s -> assertThat(s.getItem()).isNull());

        commits.release(0);
        first.assertItem("stored:a");
        assertThat(commits.batches).containsExactly(List.of("a"), List.of("b", "c", "d"));
        later.forEach(s -> assertThat(s.getItem()).isNull());

        commits.release(1);
        assertThat(later.stream().map(UniAssertSubscriber::getItem)).containsExactly("stored:b", "stored:c", "stored:d");
        assertThat(queue.pending()).isZero();
    }

    @Test
    void batchesNeverExceedTheirSizeAndConcurrentCommitsTheirLimit() {
        HeldCommits commits = new HeldCommits();
        CommitQueue<String, String> queue = new CommitQueue<>(2, 1000, 2, commits::commit, e -> false, Runnable::run);
        List<UniAssertSubscriber<String>> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(queue.submit("i" + i).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        assertThat(commits.batches).containsExactly(List.of("i0"), List.of("i1"));
        commits.release(0);
        commits.release(1);
        assertThat(commits.batches).hasSize(4);
        commits.release(2);
        commits.release(3);
        commits.release(4);
        assertThat(commits.batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
        assertThat(commits.batches.stream().flatMap(List::stream)).containsExactly("i0", "i1", "i2", "i3", "i4", "i5", "i6");
        assertThat(all).allSatisfy(s -> assertThat(s.getItem()).startsWith("stored:"));
    }

    @Test
    void aRowLevelFailureIsRetriedItemByItemSoOnlyTheOffendingItemFails() {
        List<List<String>> attempts = new ArrayList<>();
        CompletableFuture<Void> firstHeld = new CompletableFuture<>();
        CommitQueue<String, String> queue = new CommitQueue<>(100, 1000, 1, batch -> {
            attempts.add(List.copyOf(batch));
            Uni<Void> wait = attempts.size() == 1 ? Uni.createFrom().completionStage(firstHeld)
                    : Uni.createFrom().voidItem();
            return wait.chain(() -> batch.contains("bad") ? Uni.createFrom().failure(new RowRefused())
                    : Uni.createFrom().item(batch.stream().map(s -> "stored:" + s).toList()));
        }, e -> e instanceof RowRefused, Runnable::run);
        List<UniAssertSubscriber<String>> answers = new ArrayList<>();
        for (String item : List.of("x", "y", "bad", "z")) {
            answers.add(queue.submit(item).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        firstHeld.complete(null);
        answers.get(0).assertItem("stored:x");
        answers.get(1).assertItem("stored:y");
        answers.get(2).assertFailedWith(RowRefused.class);
        answers.get(3).assertItem("stored:z");
        assertThat(attempts).containsExactly(List.of("x"), List.of("y", "bad", "z"), List.of("y"), List.of("bad"),
                List.of("z"));
    }

    @Test
    void anyOtherFailureFailsTheWholeBatchWithoutRetrying() {
        List<List<String>> attempts = new ArrayList<>();
        CompletableFuture<Void> firstHeld = new CompletableFuture<>();
        CommitQueue<String, String> queue = new CommitQueue<>(100, 1000, 1, batch -> {
            attempts.add(List.copyOf(batch));
            if (attempts.size() == 1) {
                return Uni.createFrom().completionStage(firstHeld).replaceWith(List.of("stored:" + batch.get(0)));
            }
            return Uni.createFrom().failure(new IllegalStateException("database gone"));
        }, e -> e instanceof RowRefused, Runnable::run);
        UniAssertSubscriber<String> first = queue.submit("a").subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> b = queue.submit("b").subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> c = queue.submit("c").subscribe().withSubscriber(UniAssertSubscriber.create());
        firstHeld.complete(null);
        first.assertItem("stored:a");
        b.assertFailedWith(IllegalStateException.class, "database gone");
        c.assertFailedWith(IllegalStateException.class, "database gone");
        assertThat(attempts).containsExactly(List.of("a"), List.of("b", "c"));
    }

    @Test
    void aFullQueueRefusesAtOnceAndKeepsWhatItHolds() {
        HeldCommits commits = new HeldCommits();
        CommitQueue<String, String> queue = new CommitQueue<>(100, 2, 1, commits::commit, e -> false, Runnable::run);
        queue.submit("a").subscribe().withSubscriber(UniAssertSubscriber.create());
        queue.submit("b").subscribe().withSubscriber(UniAssertSubscriber.create());
        queue.submit("c").subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> refused = queue.submit("d").subscribe().withSubscriber(UniAssertSubscriber.create());
        refused.assertFailedWith(CommitQueue.QueueFullException.class);
        assertThat(queue.pending()).isEqualTo(2);
        commits.release(0);
        assertThat(commits.batches).containsExactly(List.of("a"), List.of("b", "c"));
    }

    @Test
    void theWaitingItemsTotalWeightIsBoundedAndFreedWhenTheyAreTakenIntoACommit() {
        HeldCommits commits = new HeldCommits();
        CommitQueue<String, String> queue = new CommitQueue<>(100, 1000, String::length, 10, 1, commits::commit,
                e -> false, Runnable::run);
        queue.submit("first").subscribe().withSubscriber(UniAssertSubscriber.create());
        queue.submit("123456").subscribe().withSubscriber(UniAssertSubscriber.create());
        queue.submit("abcd").subscribe().withSubscriber(UniAssertSubscriber.create());
        queue.submit("x").subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertFailedWith(CommitQueue.QueueFullException.class);
        assertThat(queue.pendingWeight()).isEqualTo(10);

        commits.release(0);
        assertThat(queue.pendingWeight()).isZero();
        queue.submit("x").subscribe().withSubscriber(UniAssertSubscriber.create());
        assertThat(queue.pendingWeight()).isEqualTo(1);
        assertThat(commits.batches).containsExactly(List.of("first"), List.of("123456", "abcd"));
    }

    @Test
    void anItemOfSeveralRowsIsNeverSplitAndItsRowsCountAgainstTheBatchAndPendingLimits() {
        HeldCommits commits = new HeldCommits();
        // an item stands for as many rows as it has characters
        CommitQueue<String, String> queue = new CommitQueue<>(4, 6, String::length, item -> 0, Long.MAX_VALUE, 1,
                commits::commit, e -> false, Runnable::run);
        queue.submit("a").subscribe().withSubscriber(UniAssertSubscriber.create());
        List<UniAssertSubscriber<String>> waiting = new ArrayList<>();
        for (String item : List.of("bbb", "cc", "d")) {
            waiting.add(queue.submit(item).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        assertThat(queue.pending()).isEqualTo(6);
        queue.submit("e").subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertFailedWith(CommitQueue.QueueFullException.class);
        assertThat(queue.pending()).isEqualTo(6);

        commits.release(0);
        assertThat(commits.batches).containsExactly(List.of("a"), List.of("bbb"));
        assertThat(queue.pending()).isEqualTo(3);
        commits.release(1);
        commits.release(2);
        assertThat(commits.batches).containsExactly(List.of("a"), List.of("bbb"), List.of("cc", "d"));
        assertThat(waiting.stream().map(UniAssertSubscriber::getItem)).containsExactly("stored:bbb", "stored:cc",
                "stored:d");
        assertThat(queue.pending()).isZero();
    }

    @Test
    void anItemOfMoreRowsThanABatchHoldsIsCommittedAlone() {
        HeldCommits commits = new HeldCommits();
        CommitQueue<String, String> queue = new CommitQueue<>(2, 100, String::length, item -> 0, Long.MAX_VALUE, 1,
                commits::commit, e -> false, Runnable::run);
        queue.submit("a").subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> large = queue.submit("xxxxx").subscribe()
                .withSubscriber(UniAssertSubscriber.create());
        queue.submit("b").subscribe().withSubscriber(UniAssertSubscriber.create());
        commits.release(0);
        commits.release(1);
        large.assertItem("stored:xxxxx");
        assertThat(commits.batches).containsExactly(List.of("a"), List.of("xxxxx"), List.of("b"));
    }

    @Test
    void aCommitAnsweringTheWrongNumberOfResultsFailsEveryItemOfIt() {
        CommitQueue<String, String> queue = new CommitQueue<>(100, 10, 1, batch -> Uni.createFrom().item(List.of()),
                e -> false, Runnable::run);
        queue.submit("a").subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertFailedWith(IllegalStateException.class, "returned 0 results");
    }

    @Test
    void limitsMustBePositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CommitQueue<String, String>(0, 1, 1,
                        batch -> Uni.createFrom().item(batch), e -> false, Runnable::run))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final class RowRefused extends RuntimeException {
    }
}
