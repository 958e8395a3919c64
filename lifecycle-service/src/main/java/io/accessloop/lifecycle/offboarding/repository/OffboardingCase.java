package io.accessloop.lifecycle.offboarding.repository;

import io.accessloop.lifecycle.offboarding.domain.CaseState;
import io.accessloop.lifecycle.offboarding.domain.CaseStatus;
import io.accessloop.lifecycle.offboarding.domain.SagaStep;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One persisted offboarding saga; {@code steps} is a JSON array of completed steps with what each did. */
@Entity
@Table(name = "offboarding_case")
public class OffboardingCase extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "identity", nullable = false)
    public String identity;

    @Column(name = "employee_id")
    public String employeeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public CaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "next_step", nullable = false)
    public SagaStep nextStep;

    @Column(name = "trigger", nullable = false)
    public String trigger;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "reason")
    public String reason;

    @Column(name = "hr_event_id")
    public String hrEventId;

    @Column(name = "effective_at", nullable = false)
    public Instant effectiveAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "steps", nullable = false)
    public String steps;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    public CaseState state() {
        return new CaseState(status, nextStep, attempts, nextAttemptAt);
    }

    public void apply(CaseState state, Instant now) {
        status = state.status();
        nextStep = state.nextStep();
        attempts = state.attempts();
        nextAttemptAt = state.nextAttemptAt();
        updatedAt = now;
        if (status == CaseStatus.CLOSED) {
            closedAt = now;
            leaseOwner = null;
            leaseUntil = null;
        }
    }
}
