package io.accessloop.broker.request.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Expires pending requests nobody decided in time. Each pass claims due rows with {@code FOR UPDATE SKIP LOCKED}
 * in its own transaction, so replicas share the work and a pass interrupted halfway is finished by the next one.
 */
@ApplicationScoped
public class RequestExpirySweep {

    private static final Logger LOG = Logger.getLogger(RequestExpirySweep.class);
    private static final int BATCH = 100;

    private final RequestService requests;

    RequestExpirySweep(RequestService requests) {
        this.requests = requests;
    }

    @Scheduled(every = "${accessloop.broker.request-expiry-interval:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return expireDue().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("request expiry pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Expires one batch of due requests; returns how many. */
    public Uni<Integer> expireDue() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select id from access_request where status = 'PENDING' "
                                + "and expires_at <= now() order by expires_at limit ?1 for update skip locked",
                        String.class).setParameter(1, BATCH).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(0)
                        : Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(requests::expire)
                        .collect().asList().map(List::size)));
    }
}
