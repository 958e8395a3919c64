package io.accessloop.drift.remediation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A remediation of a finding and how it went: {@code PENDING} (due at {@code dueAt}), {@code RUNNING} (claimed
 * until {@code dueAt}), then {@code SUCCEEDED} or {@code FAILED}. {@code target} is the action's parameters.
 */
@Entity
@Table(name = "remediation")
public class Remediation extends PanacheEntityBase {

    @Id
    public String id;
    public String findingId;
    public String accountId;
    public String principalArn;
    public String rule;
    public String kind;
    public String target;
    public String action;
    public String status;
    public String outcome;
    public int attempts;
    public Instant createdAt;
    public Instant dueAt;
    public Instant finishedAt;
}
