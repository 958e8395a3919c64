package io.accessloop.drift.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A pushed AWS notification exactly as unwrapped, stored before the push is answered. */
@Entity
@Table(name = "raw_event")
public class RawEvent extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "source_id")
    public String sourceId;
    public String kind;
    @Column(name = "account_id")
    public String accountId;
    public String body;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "processed_at")
    public Instant processedAt;
    public String outcome;
}
