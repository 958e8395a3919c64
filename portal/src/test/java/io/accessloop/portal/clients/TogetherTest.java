package io.accessloop.portal.clients;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TogetherTest {

    @Test
    void combinesBothAnswers() {
        String both = Together.both(CompletableFuture.completedFuture("grants"),
                CompletableFuture.completedFuture("requests"), (a, b) -> a + " and " + b);

        assertThat(both).isEqualTo("grants and requests");
    }

    @Test
    void aServiceProblemComesOutAsItselfWithItsStatus() {
        CompletableFuture<String> refused = CompletableFuture.failedFuture(
                new ServiceProblem(403, "Not allowed", "only approvers", null));

        assertThatThrownBy(() -> Together.both(CompletableFuture.completedFuture("grants"), refused, (a, b) -> a))
                .isInstanceOfSatisfying(ServiceProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(403);
                    assertThat(p.detail()).isEqualTo("only approvers");
                });
    }

    @Test
    void itWaitsForTheOtherCallBeforeFailingSoNothingIsLeftRunning() {
        CompletableFuture<String> slow = new CompletableFuture<>();
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new IllegalStateException("down"));
        AtomicBoolean returned = new AtomicBoolean();
        Thread page = new Thread(() -> {
            try {
                Together.both(failed, slow, (a, b) -> a);
            } catch (IllegalStateException expected) {
                returned.set(true);
            }
        });
        page.start();
        untilWaitingOrEnded(page);

        assertThat(page.isAlive()).as("still waiting for the slow call").isTrue();
        assertThat(returned).isFalse();
        slow.complete("late");
        joinQuietly(page);

        assertThat(returned).isTrue();
    }

    @Test
    void aCheckedFailureIsWrappedWithItsCause() {
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new java.io.IOException("reset"));

        assertThatThrownBy(() -> Together.both(failed, CompletableFuture.completedFuture("x"), (a, b) -> a))
                .isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(java.io.IOException.class);
    }

    private static void untilWaitingOrEnded(Thread thread) {
        for (int i = 0; i < 1000 && thread.getState() != Thread.State.WAITING
                && thread.getState() != Thread.State.TERMINATED; i++) {
            Thread.onSpinWait();
            joinQuietly(thread, 10);
        }
    }

    private static void joinQuietly(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
