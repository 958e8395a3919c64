package io.accessloop.broker.request.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Row of {@code request_approval}: one approver's yes. */
@Entity
@Table(name = "request_approval")
@IdClass(ApprovalRecord.Key.class)
public class ApprovalRecord extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public String requestId;
    @Id
    public String approver;
    public String comment;
    @Column(name = "approved_at")
    public Instant approvedAt;

    /** Composite key. */
    public static class Key implements Serializable {
        public String requestId;
        public String approver;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(requestId, k.requestId) && Objects.equals(approver, k.approver);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, approver);
        }
    }
}
