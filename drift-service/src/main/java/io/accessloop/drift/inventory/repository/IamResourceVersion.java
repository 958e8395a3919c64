package io.accessloop.drift.inventory.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One accepted state in a resource's history. */
@Entity
@Table(name = "iam_resource_version")
public class IamResourceVersion extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "resource_ref")
    public String resourceRef;
    public int version;
    @Column(name = "change_type")
    public String changeType;
    public String source;
    public String state;
    @Column(name = "captured_at")
    public Instant capturedAt;
    @Column(name = "state_id")
    public Long stateId;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "source_identity")
    public String sourceIdentity;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
