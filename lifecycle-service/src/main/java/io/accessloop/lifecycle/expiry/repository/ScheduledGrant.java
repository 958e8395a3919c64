package io.accessloop.lifecycle.expiry.repository;

import io.accessloop.lifecycle.expiry.domain.GrantState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A grant's end as announced by the broker, and whether its revoke command went out. */
@Entity
@Table(name = "grant_schedule")
public class ScheduledGrant extends PanacheEntityBase {

    @Id
    @Column(name = "grant_id")
    public String grantId;

    @Column(name = "identity", nullable = false)
    public String identity;

    @Column(name = "entitlement")
    public String entitlement;

    @Column(name = "role_arn")
    public String roleArn;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public GrantState status;

    @Column(name = "revoke_sent_at")
    public Instant revokeSentAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
