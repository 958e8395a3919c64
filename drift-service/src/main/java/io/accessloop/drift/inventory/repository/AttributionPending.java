package io.accessloop.drift.inventory.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A recorded version whose causing CloudTrail call was not stored yet: any call on {@code resourceKey} between
 * {@code windowFrom} and {@code windowTo} may have made it.
 */
@Entity
@Table(name = "attribution_pending")
public class AttributionPending extends PanacheEntityBase {

    @Id
    @Column(name = "version_id")
    public String versionId;
    @Column(name = "resource_ref")
    public String resourceRef;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "resource_key")
    public String resourceKey;
    @Column(name = "window_from")
    public Instant windowFrom;
    @Column(name = "window_to")
    public Instant windowTo;
    /** When the change was recorded; the backfill gives up on it {@code give-up-after} later. */
    @Column(name = "recorded_at")
    public Instant recordedAt;
    /** Not looked up before this time (also the lease of a backfill working on it). */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    public int attempts;
}
