package io.accessloop.drift.rightsizing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Row of {@code rs_proposal}; baseline, changes, evidence and proof are JSON text. */
@Entity
@Table(name = "rs_proposal")
public class ProposalRecord extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "principal_arn")
    public String principalArn;
    public String kind;
    public String status;
    public String mode;
    public String confidence;
    public String summary;
    @Column(name = "removed_permissions")
    public int removedPermissions;
    public boolean proven;
    public String baseline;
    public String changes;
    public String evidence;
    public String proof;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "applied_by")
    public String appliedBy;
    @Column(name = "applied_at")
    public Instant appliedAt;
    @Column(name = "watch_until")
    public Instant watchUntil;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "close_reason")
    public String closeReason;
    @Column(name = "analyzer_checks")
    public String analyzerChecks;
}
