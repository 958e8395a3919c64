package io.accessloop.drift.reconcile.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One reconciliation run of one account: {@code QUEUED → RUNNING → SUCCEEDED | FAILED}. While running, {@code holder}
 * is the replica doing it and {@code leaseUntil} when another replica may take it over. At most one run per account
 * is queued or running (a partial unique index).
 */
@Entity
@Table(name = "reconcile_run")
public class ReconcileRun extends PanacheEntityBase {

    @Id
    public String id;
    public String accountId;
    public String trigger;
    public String requestedBy;
    public String source;
    public String status;
    public Instant requestedAt;
    public Instant startedAt;
    public Instant finishedAt;
    public int scanned;
    public int changed;
    public int errors;
    /** The first errors of the run, one per line. */
    public String errorMessages;
    public String detail;
    public String holder;
    public Instant leaseUntil;
}
