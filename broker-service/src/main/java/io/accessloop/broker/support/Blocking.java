package io.accessloop.broker.support;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Callable;

/**
 * Runs a blocking call (the AWS SDK) on a worker thread and resumes on the caller's Vert.x context, so that a
 * reactive Hibernate session opened before the call can be used after it.
 */
@ApplicationScoped
public class Blocking {

    private final Vertx vertx;

    Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Uni<T> call(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
