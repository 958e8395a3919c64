package io.accessloop.lifecycle.identity.service;

import io.accessloop.lifecycle.identity.domain.IdentityStatus;
import io.accessloop.lifecycle.identity.repository.KnownIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** Keeps what is known about each person current; runs in the caller's transaction. */
@ApplicationScoped
public class Identities {

    private final Clock clock;

    Identities(Clock clock) {
        this.clock = clock;
    }

    /** Creates or updates a person; null arguments keep what is known. */
    public Uni<KnownIdentity> update(String email, String employeeId, String team, IdentityStatus status) {
        return KnownIdentity.<KnownIdentity>findById(email).chain(found -> {
            KnownIdentity identity = found == null ? new KnownIdentity() : found;
            identity.email = email;
            if (employeeId != null) {
                identity.employeeId = employeeId;
            }
            if (team != null) {
                identity.team = team;
            }
            if (status != null) {
                identity.status = status;
            } else if (identity.status == null) {
                identity.status = IdentityStatus.ACTIVE;
            }
            identity.updatedAt = clock.instant();
            return found == null ? identity.<KnownIdentity>persist() : Uni.createFrom().item(identity);
        });
    }

    public Uni<KnownIdentity> find(String email) {
        return KnownIdentity.findById(email);
    }
}
