package io.accessloop.broker.revocation.service;

import io.accessloop.broker.revocation.domain.RevocationEntry;
import io.accessloop.broker.revocation.domain.RevocationPolicy;
import io.accessloop.broker.revocation.repository.RevocationEntryRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * When a role's deny policy had to be compacted into one role-wide deny, sessions issued in that second are denied
 * too; the credential issuer asks here how long to hold a new session back so it is not born revoked.
 */
@ApplicationScoped
public class RoleWideDenies {

    /**
     * The instant from which a new session of the role is outside every role-wide deny ({@link Instant#EPOCH} if
     * none). Waits for a revocation of the role that is being written (it holds the role's row for update) and keeps
     * the next one from starting until the caller's transaction ends, so a session is never issued between a
     * compaction reading which grants to spare and its deny taking effect.
     */
    public Uni<Instant> sessionsSafeFrom(String roleArn) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select role_arn from revocation_role where role_arn = ?1 for share", String.class)
                        .setParameter(1, roleArn).getResultList())
                .chain(() -> RevocationEntryRecord.<RevocationEntryRecord>find(
                                "roleArn = ?1 and kind = ?2 order by revokedAt desc", roleArn,
                                RevocationEntry.Kind.ROLE.name())
                        .firstResult())
                .map(latest -> latest == null ? Instant.EPOCH
                        : RevocationPolicy.sessionsSafeFrom(((RevocationEntryRecord) latest).revokedAt));
    }
}
