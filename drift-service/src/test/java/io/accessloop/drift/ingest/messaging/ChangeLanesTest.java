package io.accessloop.drift.ingest.messaging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeLanesTest {

    private final List<String> started = new ArrayList<>();

    /** A task that records its start and finishes when the returned future is completed. */
    private Supplier<CompletionStage<?>> task(String name, CompletableFuture<Void> finish) {
        return () -> {
            started.add(name);
            return finish;
        };
    }

    @Test
    void tasksWithTheSameKeyRunOneAfterAnotherInSubmissionOrder() {
        ChangeLanes lanes = new ChangeLanes(4, 16);
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        lanes.submit("role-a", task("a1", first));
        lanes.submit("role-a", task("a2", second));
        lanes.submit("role-a", task("a3", new CompletableFuture<>()));
        assertThat(started).containsExactly("a1");
        assertThat(lanes.running()).isEqualTo(1);
        assertThat(lanes.pending()).isEqualTo(3);

        first.complete(null);
        assertThat(started).containsExactly("a1", "a2");
        second.completeExceptionally(new IllegalStateException("rolled back"));
        assertThat(started).containsExactly("a1", "a2", "a3");
        assertThat(lanes.pending()).isEqualTo(1);
    }

    @Test
    void tasksInDifferentLanesRunAtTheSameTime() {
        ChangeLanes lanes = new ChangeLanes(4, 16);
        String other = "role-b";
        for (int i = 0; ChangeLanes.laneOf(other, 4) == ChangeLanes.laneOf("role-a", 4); i++) {
            other = "role-b" + i;
        }
        lanes.submit("role-a", task("a", new CompletableFuture<>()));
        lanes.submit(other, task("b", new CompletableFuture<>()));
        assertThat(started).containsExactly("a", "b");
        assertThat(lanes.running()).isEqualTo(2);
    }

    @Test
    void noMoreIsAdmittedThanMaxPendingUntilATaskFinishes() {
        ChangeLanes lanes = new ChangeLanes(1, 2);
        CompletableFuture<Void> first = new CompletableFuture<>();
        assertThat(lanes.submit("x", task("1", first)).toCompletableFuture()).isCompleted();
        assertThat(lanes.submit("y", task("2", new CompletableFuture<>())).toCompletableFuture()).isCompleted();
        CompletableFuture<Void> third = lanes.submit("z", task("3", new CompletableFuture<>())).toCompletableFuture();
        assertThat(third).isNotDone();
        assertThat(started).containsExactly("1");

        first.complete(null);
        assertThat(third).isCompleted();
        assertThat(started).containsExactly("1", "2");
        assertThat(lanes.pending()).isEqualTo(2);
    }

    @Test
    void aTaskThatThrowsDoesNotStopItsLane() {
        ChangeLanes lanes = new ChangeLanes(1, 4);
        lanes.submit("x", () -> {
            throw new IllegalStateException("broken");
        });
        lanes.submit("x", task("after", new CompletableFuture<>()));
        assertThat(started).containsExactly("after");
        assertThat(lanes.pending()).isEqualTo(1);
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new ChangeLanes(0, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency >= 1");
        assertThatThrownBy(() -> new ChangeLanes(8, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-pending >= concurrency");
    }
}
