package io.accessloop.lifecycle.offboarding.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.lifecycle.audit.service.AuditLedger;
import io.accessloop.lifecycle.offboarding.domain.CaseState;
import io.accessloop.lifecycle.offboarding.domain.CaseStatus;
import io.accessloop.lifecycle.offboarding.domain.CaseTransitions;
import io.accessloop.lifecycle.offboarding.repository.OffboardingCase;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Opens and finds offboarding cases; HR and the portal use the same saga. Runs in the caller's transaction. */
@ApplicationScoped
public class OffboardingCases {

    public static final String KIND_OPENED = "io.accessloop.lifecycle.offboarding.case-opened";

    private final Clock clock;
    private final AuditLedger ledger;

    OffboardingCases(Clock clock, AuditLedger ledger) {
        this.clock = clock;
        this.ledger = ledger;
    }

    /** The open case of a person, if any. */
    public Uni<OffboardingCase> openCaseOf(String identity) {
        return OffboardingCase.<OffboardingCase>find("identity = ?1 and status <> ?2", identity, CaseStatus.CLOSED)
                .firstResult();
    }

    /** HR termination: a person already being offboarded keeps their case. */
    public Uni<OffboardingCase> openFromHr(String identity, String employeeId, Instant effectiveAt, String hrEventId,
                                           String source) {
        return openCaseOf(identity).chain(open -> open != null
                ? Uni.createFrom().item(open)
                : create(identity, employeeId, effectiveAt, "hr", "hr:" + source, "employee.terminated", hrEventId));
    }

    /** Manual offboarding from the portal; refused while the person has an open case. */
    public Uni<OffboardingCase> openManual(String identity, String employeeId, Instant effectiveAt, String reason,
                                           String requestedBy) {
        return openCaseOf(identity).chain(open -> {
            if (open != null) {
                throw ProblemException.conflict("case-open",
                        identity + " is already being offboarded in case " + open.id);
            }
            return create(identity, employeeId, effectiveAt, "manual", requestedBy, reason, null);
        });
    }

    /**
     * The broker has now reported every grant of {@code identity} ended: a case of theirs waiting out its back-off
     * only because verification found grants still open is made due now instead of at its next attempt. The retry
     * itself is unchanged (clean-up and verification run again in full). Runs in the caller's transaction; true when a
     * case was made due.
     */
    public Uni<Boolean> grantsAllEnded(String identity, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(
                        "update offboarding_case set next_attempt_at = ?2, updated_at = ?2 where identity = ?1 "
                                + "and status = 'RETRYING' and next_step = 'CLEAN_IAM_USERS' and next_attempt_at > ?2 "
                                + "and last_error like 'verification found:%' and not exists (select 1 from "
                                + "grant_schedule g where g.identity = ?1 and g.status <> 'ENDED')")
                .setParameter(1, identity)
                .setParameter(2, at)
                .executeUpdate()))
                .map(updated -> updated > 0);
    }

    public Uni<OffboardingCase> find(String id) {
        return OffboardingCase.findById(id);
    }

    private Uni<OffboardingCase> create(String identity, String employeeId, Instant effectiveAt, String trigger,
                                        String requestedBy, String reason, String hrEventId) {
        Instant now = clock.instant();
        Instant effective = effectiveAt == null ? now : effectiveAt;
        CaseState state = CaseTransitions.open(effective, now);
        OffboardingCase c = new OffboardingCase();
        c.id = "case_" + UUID.randomUUID().toString().replace("-", "");
        c.identity = identity;
        c.employeeId = employeeId;
        c.trigger = trigger;
        c.requestedBy = requestedBy;
        c.reason = reason;
        c.hrEventId = hrEventId;
        c.effectiveAt = effective;
        c.steps = CaseLog.empty();
        c.createdAt = now;
        c.apply(state, now);
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("caseId", c.id).put("status", c.status.name()).put("effectiveAt", effective.toString())
                .put("trigger", trigger).put("requestedBy", requestedBy).put("reason", reason);
        return c.<OffboardingCase>persist()
                .call(saved -> ledger.action(KIND_OPENED, c.id, identity, null, data));
    }
}
