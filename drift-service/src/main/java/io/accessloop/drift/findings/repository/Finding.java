package io.accessloop.drift.findings.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A drift finding; at most one live (OPEN or SUPPRESSED) finding per rule, resource and key. */
@Entity
@Table(name = "finding")
public class Finding extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "principal_arn")
    public String principalArn;
    @Column(name = "resource_type")
    public String resourceType;
    public String rule;
    @Column(name = "dedup_key")
    public String dedupKey;
    public String severity;
    @Column(name = "severity_rank")
    public int severityRank;
    public String status;
    public String summary;
    public String evidence;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "source_identity")
    public String sourceIdentity;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    public String resolution;
    @Column(name = "suppressed_until")
    public Instant suppressedUntil;
    @Column(name = "suppression_reason")
    public String suppressionReason;
    @Column(name = "suppressed_by")
    public String suppressedBy;
}
