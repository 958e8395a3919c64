package io.accessloop.drift.inventory.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A role Accessloop grants access to, learned from the broker's access events. */
@Entity
@Table(name = "managed_role")
public class ManagedRole extends PanacheEntityBase {

    @Id
    @Column(name = "role_arn")
    public String roleArn;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "last_grant_at")
    public Instant lastGrantAt;
    @Column(name = "last_revocation_at")
    public Instant lastRevocationAt;
}
