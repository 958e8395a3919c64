package io.accessloop.lifecycle.support;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/** For work that runs on a worker thread (scheduled sweeps, saga steps) and waits for reactive database work. */
public final class Blocking {

    private Blocking() {
    }

    /** Runs the work on a Vert.x context and waits for its result; checked failures come back unchecked. */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
