package io.accessloop.broker.grant.repository;

import io.accessloop.broker.revocation.service.LiveGrants;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The ids of the grants ACTIVE on a role, as committed (or changed in the caller's transaction). */
@ApplicationScoped
public class ActiveGrantsOnRole implements LiveGrants {

    @Override
    public Uni<List<String>> activeOn(String roleArn) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select id from access_grant where role_arn = ?1 and status = 'ACTIVE'", String.class)
                .setParameter(1, roleArn).getResultList());
    }
}
