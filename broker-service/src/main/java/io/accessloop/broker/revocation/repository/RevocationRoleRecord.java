package io.accessloop.broker.revocation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Row of {@code revocation_role}: locked while the role's deny policy is rewritten. */
@Entity
@Table(name = "revocation_role")
public class RevocationRoleRecord extends PanacheEntityBase {

    @Id
    @Column(name = "role_arn")
    public String roleArn;
    @Column(name = "policy_characters")
    public int policyCharacters;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
