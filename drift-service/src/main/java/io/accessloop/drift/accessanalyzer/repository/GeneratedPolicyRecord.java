package io.accessloop.drift.accessanalyzer.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Row of {@code rs_generated_policy}: one Access Analyzer policy generation for a proposal; JSON in text columns. */
@Entity
@Table(name = "rs_generated_policy")
public class GeneratedPolicyRecord extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "proposal_id")
    public String proposalId;
    @Column(name = "principal_arn")
    public String principalArn;
    @Column(name = "job_id")
    public String jobId;
    public String status;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    public String policies;
    public String comparison;
    public String error;
}
