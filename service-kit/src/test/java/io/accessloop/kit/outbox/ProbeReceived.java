package io.accessloop.kit.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the probe consumer saw: how many times its handler ran for each event. */
@Entity
@Table(name = "probe_received")
public class ProbeReceived extends PanacheEntityBase {

    @Id
    public String eventId;
    public String subject;
    public int times;
}
