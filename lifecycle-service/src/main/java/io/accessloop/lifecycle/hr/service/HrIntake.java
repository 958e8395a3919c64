package io.accessloop.lifecycle.hr.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.contracts.EventTypes;
import io.accessloop.contracts.command.RevokeIdentity;
import io.accessloop.contracts.identity.IdentityRestored;
import io.accessloop.contracts.identity.IdentitySuspended;
import io.accessloop.contracts.identity.IdentityTransferred;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.lifecycle.audit.domain.CanonicalJson;
import io.accessloop.lifecycle.audit.domain.LedgerRecord;
import io.accessloop.lifecycle.audit.service.AuditLedger;
import io.accessloop.lifecycle.audit.service.RecordedOutbox;
import io.accessloop.lifecycle.hr.domain.HrEvent;
import io.accessloop.lifecycle.hr.domain.HrEventType;
import io.accessloop.lifecycle.identity.domain.IdentityStatus;
import io.accessloop.lifecycle.identity.service.Identities;
import io.accessloop.lifecycle.offboarding.domain.CaseStatus;
import io.accessloop.lifecycle.offboarding.service.OffboardingCases;
import io.accessloop.lifecycle.offboarding.service.OffboardingWorker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Acts on a verified HR event once: the effects, the ledger entry and the stored answer commit together, so a
 * replay of the same event id gets the first answer and changes nothing.
 */
@ApplicationScoped
public class HrIntake {

    private final OffboardingCases cases;
    private final OffboardingWorker worker;
    private final Identities identities;
    private final RecordedOutbox outbox;
    private final AuditLedger ledger;
    private final ObjectMapper mapper;
    private final Clock clock;

    HrIntake(OffboardingCases cases, OffboardingWorker worker, Identities identities, RecordedOutbox outbox,
             AuditLedger ledger, ObjectMapper mapper, Clock clock) {
        this.cases = cases;
        this.worker = worker;
        this.identities = identities;
        this.outbox = outbox;
        this.ledger = ledger;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Returns the HTTP status and JSON body to answer with (the stored one for a replay). */
    public Uni<Stored> accept(String source, byte[] body, HrEvent event) {
        String digest = sha256(body);
        return Panache.withTransaction(() -> stored(event.id()).chain(previous -> {
            if (previous != null) {
                if (!previous.bodySha256().equals(digest)) {
                    throw ProblemException.conflict("hr-event-id-reused",
                            "HR event " + event.id() + " was already received with a different body");
                }
                return Uni.createFrom().item(previous);
            }
            return act(source, event).chain(answer -> store(source, event, digest, answer));
        })).invoke(() -> {
            if (event.type() == HrEventType.TERMINATED) {
                // committed: start its saga now rather than at the worker's next tick
                worker.nudge();
            }
        });
    }

    /** The stored answer of an HR event, or null. */
    public Uni<Stored> stored(String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select body_sha256, status, response from hr_event where event_id = ?1", Object[].class)
                .setParameter(1, eventId)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : new Stored((String) rows.get(0)[0],
                        ((Number) rows.get(0)[1]).intValue(), (String) rows.get(0)[2]));
    }

    private Uni<HrAnswer> act(String source, HrEvent e) {
        Uni<Void> recorded = ledger.append(new LedgerRecord("hr." + e.type().wire(), "hr:" + source, e.id(),
                e.email(), null, null, e.id(), e.occurredAt(), CanonicalJson.read(json(e)))).replaceWithVoid();
        String statusUrl = "/api/v1/hr/events/" + e.id();
        return recorded.chain(() -> switch (e.type()) {
            case TERMINATED -> identities.update(e.email(), e.employeeId(), e.team(), null)
                    .chain(() -> cases.openFromHr(e.email(), e.employeeId(), e.effectiveAt(), e.id(), source))
                    .map(c -> new HrAnswer(e.id(), e.type().wire(),
                            c.status == CaseStatus.SCHEDULED ? "scheduled" : "accepted", c.id,
                            "/api/v1/offboarding/" + c.id));
            case TRANSFERRED -> identities.update(e.email(), e.employeeId(), e.team(), null)
                    .chain(() -> outbox.publish(EventTypes.TRANSFERRED, e.email(), new IdentityTransferred(
                            e.email(), e.employeeId(), e.team(), e.previousTeam(), e.effectiveAt())))
                    .replaceWith(new HrAnswer(e.id(), e.type().wire(), "accepted", null, statusUrl));
            case LEAVE_STARTED -> identities.update(e.email(), e.employeeId(), e.team(), IdentityStatus.SUSPENDED)
                    .chain(() -> outbox.publish(EventTypes.SUSPENDED, e.email(), new IdentitySuspended(
                            e.email(), e.employeeId(), "leave", e.effectiveAt())))
                    .chain(() -> outbox.publish(EventTypes.REVOKE_IDENTITY, e.email(), new RevokeIdentity(
                            e.email(), "leave", "lifecycle-service", null)))
                    .replaceWith(new HrAnswer(e.id(), e.type().wire(), "accepted", null, statusUrl));
            case LEAVE_RETURNED -> identities.update(e.email(), e.employeeId(), e.team(), IdentityStatus.ACTIVE)
                    .chain(() -> outbox.publish(EventTypes.RESTORED, e.email(), new IdentityRestored(
                            e.email(), e.employeeId(), e.effectiveAt())))
                    .replaceWith(new HrAnswer(e.id(), e.type().wire(), "accepted", null, statusUrl));
        });
    }

    private Uni<Stored> store(String source, HrEvent e, String digest, HrAnswer answer) {
        String response = json(answer);
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into hr_event (event_id, "
                                + "source, type, email, body_sha256, status, response, received_at) "
                                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                        .setParameter(1, e.id()).setParameter(2, source).setParameter(3, e.type().wire())
                        .setParameter(4, e.email()).setParameter(5, digest).setParameter(6, 202)
                        .setParameter(7, response)
                        .setParameter(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWith(new Stored(digest, 202, response));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** An answer as stored. */
    public record Stored(String bodySha256, int status, String response) {
        public String statusUrl(ObjectMapper mapper) {
            try {
                return mapper.readTree(response).path("statusUrl").asText(null);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
    }

}
