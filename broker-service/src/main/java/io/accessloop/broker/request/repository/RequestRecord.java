package io.accessloop.broker.request.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Row of {@code access_request}. */
@Entity
@Table(name = "access_request")
public class RequestRecord extends PanacheEntityBase {

    @Id
    public String id;
    public String requester;
    public String entitlement;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "role_arn")
    public String roleArn;
    public String reason;
    public String ticket;
    @Column(name = "duration_seconds")
    public long durationSeconds;
    @Column(name = "break_glass")
    public boolean breakGlass;
    @Column(name = "extends_grant_id")
    public String extendsGrantId;
    public String status;
    @Column(name = "rule_automatic")
    public boolean ruleAutomatic;
    @Column(name = "required_approvals")
    public int requiredApprovals;
    @Column(name = "approver_groups")
    public String approverGroups;
    @Column(name = "rule_explanation")
    public String ruleExplanation;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_comment")
    public String decisionComment;
    @Column(name = "grant_id")
    public String grantId;
}
