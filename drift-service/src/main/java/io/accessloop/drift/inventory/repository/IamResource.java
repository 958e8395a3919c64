package io.accessloop.drift.inventory.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The current state of one IAM resource; {@code state} is the JSON of its latest accepted snapshot. */
@Entity
@Table(name = "iam_resource")
public class IamResource extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "resource_type")
    public String resourceType;
    @Column(name = "resource_id")
    public String resourceId;
    public String name;
    public String arn;
    public boolean deleted;
    public boolean managed;
    public String state;
    @Column(name = "captured_at")
    public Instant capturedAt;
    @Column(name = "state_id")
    public Long stateId;
    public int version;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "source_identity")
    public String sourceIdentity;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
