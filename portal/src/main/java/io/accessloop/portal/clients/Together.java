package io.accessloop.portal.clients;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;

/**
 * Waits for service calls a page started at the same time, so the page pays for the slowest call rather than their
 * sum. A failed call fails the page with the call's own exception (a {@link ServiceProblem} keeps its status), after
 * both calls have ended, so no call is left running for a page that has already answered.
 */
public final class Together {

    private Together() {
    }

    public static <A, B, R> R both(CompletionStage<A> first, CompletionStage<B> second, BiFunction<A, B, R> combine) {
        CompletableFuture<A> a = first.toCompletableFuture();
        CompletableFuture<B> b = second.toCompletableFuture();
        try {
            CompletableFuture.allOf(a, b).get();
            return combine.apply(a.join(), b.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            a.cancel(true);
            b.cancel(true);
            throw new IllegalStateException("interrupted while waiting for a service", e);
        } catch (ExecutionException | CompletionException e) {
            throw unwrap(a.isCompletedExceptionally() ? failure(a) : failure(b));
        }
    }

    private static Throwable failure(CompletableFuture<?> call) {
        try {
            call.join();
            throw new IllegalStateException("the call did not fail");
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause.getMessage(), cause);
    }
}
