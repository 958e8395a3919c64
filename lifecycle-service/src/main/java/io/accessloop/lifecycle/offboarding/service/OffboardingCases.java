package io.accessloop.lifecycle.offboarding.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.lifecycle.audit.service.AuditLedger;
import io.accessloop.lifecycle.offboarding.domain.CaseState;
import io.accessloop.lifecycle.offboarding.domain.CaseStatus;
import io.accessloop.lifecycle.offboarding.domain.CaseTransitions;
import io.accessloop.lifecycle.offboarding.repository.OffboardingCase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
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
