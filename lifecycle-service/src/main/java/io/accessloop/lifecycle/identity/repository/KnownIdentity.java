package io.accessloop.lifecycle.identity.repository;

import io.accessloop.lifecycle.identity.domain.IdentityStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person as HR describes them, keyed by lower-cased e-mail. */
@Entity
@Table(name = "identity")
public class KnownIdentity extends PanacheEntityBase {

    @Id
    @Column(name = "email")
    public String email;

    @Column(name = "employee_id")
    public String employeeId;

    @Column(name = "team")
    public String team;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public IdentityStatus status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
