package io.accessloop.broker.grant.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Row of {@code access_grant}. */
@Entity
@Table(name = "access_grant")
public class GrantRecord extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "request_id")
    public String requestId;
    public String identity;
    public String entitlement;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "role_arn")
    public String roleArn;
    @Column(name = "session_policy")
    public String sessionPolicy;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "break_glass")
    public boolean breakGlass;
    public String status;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "ended_by")
    public String endedBy;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "revocation_verified")
    public Boolean revocationVerified;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "review_comment")
    public String reviewComment;
}
