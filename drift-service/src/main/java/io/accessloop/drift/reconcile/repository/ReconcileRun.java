package io.accessloop.drift.reconcile.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One reconciliation run and what it found. */
@Entity
@Table(name = "reconcile_run")
public class ReconcileRun extends PanacheEntityBase {

    @Id
    public String id;
    public String trigger;
    @Column(name = "requested_by")
    public String requestedBy;
    public String source;
    public String status;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    public int scanned;
    public int changed;
    public String detail;
}
