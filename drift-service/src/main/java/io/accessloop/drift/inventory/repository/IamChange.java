package io.accessloop.drift.inventory.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An IAM write call seen in CloudTrail, with who made it. */
@Entity
@Table(name = "iam_change")
public class IamChange extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "event_source")
    public String eventSource;
    @Column(name = "event_name")
    public String eventName;
    @Column(name = "resource_key")
    public String resourceKey;
    @Column(name = "actor_arn")
    public String actorArn;
    @Column(name = "source_identity")
    public String sourceIdentity;
    @Column(name = "by_accessloop")
    public boolean byAccessloop;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String parameters;
    @Column(name = "raw_event_id")
    public String rawEventId;
    /** Already joined to a recorded change. */
    public boolean explained;
}
