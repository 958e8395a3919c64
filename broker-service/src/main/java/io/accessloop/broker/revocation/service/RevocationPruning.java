package io.accessloop.broker.revocation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Rewrites the policies of roles holding entries that can no longer match a live session. Roles are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work and a role being revoked right now is left alone.
 */
@ApplicationScoped
public class RevocationPruning {

    private static final Logger LOG = Logger.getLogger(RevocationPruning.class);

    private final Revocations revocations;

    RevocationPruning(Revocations revocations) {
        this.revocations = revocations;
    }

    @Scheduled(every = "${accessloop.broker.revocation.prune-interval:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return pruneDue().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("revocation pruning failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Prunes every role with a due entry; returns how many roles were rewritten. */
    public Uni<Integer> pruneDue() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "select distinct role_arn from revocation_entry where prune_after <= now()", String.class)
                .getResultList()))
                .chain(roles -> Multi.createFrom().iterable(roles)
                        .onItem().transformToUniAndConcatenate(role -> Panache.withTransaction(
                                () -> claim(role).chain(claimed -> claimed ? revocations.prune(role).replaceWith(1)
                                        : Uni.createFrom().item(0))))
                        .collect().asList()
                        .map(list -> list.stream().mapToInt(Integer::intValue).sum()));
    }

    private Uni<Boolean> claim(String role) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select role_arn from revocation_role where role_arn = ?1 for update skip locked", String.class)
                .setParameter(1, role).getResultList())
                .map(List::isEmpty).map(empty -> !empty);
    }
}
