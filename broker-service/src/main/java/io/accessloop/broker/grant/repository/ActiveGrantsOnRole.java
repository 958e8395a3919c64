package io.accessloop.broker.grant.repository;

import io.accessloop.broker.revocation.service.LiveGrants;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The ids of the grants ACTIVE on a role that may still have a live session (one issued that has not expired), as
 * committed or changed in the caller's transaction. An active grant without one needs no sparing: the credential
 * issuer waits for a running revocation of the role and then holds a new session past the role-wide deny's cut-off.
 */
@ApplicationScoped
public class ActiveGrantsOnRole implements LiveGrants {

    @Override
    public Uni<List<String>> activeOn(String roleArn) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select id from access_grant where role_arn = ?1 and status = 'ACTIVE' "
                                + "and sessions_until > now()", String.class)
                .setParameter(1, roleArn).getResultList());
    }
}
