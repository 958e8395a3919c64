package io.accessloop.drift.rightsizing.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Callable;

/**
 * Runs a blocking call (the AWS SDK, file reading) on a worker thread and resumes on the caller's Vert.x context,
 * so a reactive Hibernate session can be used before and after it.
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
