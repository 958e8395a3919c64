package io.accessloop.broker.revocation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Row of {@code revocation_entry}. */
@Entity
@Table(name = "revocation_entry")
public class RevocationEntryRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "role_arn")
    public String roleArn;
    public String kind;
    public String subject;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "prune_after")
    public Instant pruneAfter;
}
