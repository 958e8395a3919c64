package io.accessloop.drift.rightsizing.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.drift.rightsizing.domain.AnalyzerChecks;
import io.accessloop.drift.rightsizing.domain.Confidence;
import io.accessloop.drift.rightsizing.domain.Evidence;
import io.accessloop.drift.rightsizing.domain.Mode;
import io.accessloop.drift.rightsizing.domain.PolicyChange;
import io.accessloop.drift.rightsizing.domain.PrincipalPermissions;
import io.accessloop.drift.rightsizing.domain.Proof;
import io.accessloop.drift.rightsizing.domain.Proposal;
import io.accessloop.drift.rightsizing.domain.ProposalKind;
import io.accessloop.drift.rightsizing.domain.ProposalStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;

/** Loads and stores {@link Proposal}s; callers run inside a transaction. */
@ApplicationScoped
public class ProposalRepository {

    private static final TypeReference<List<PolicyChange>> CHANGES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    ProposalRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Proposal> find(String id) {
        return ProposalRecord.<ProposalRecord>findById(id).map(r -> r == null ? null : toDomain(r));
    }

    public Uni<Proposal> findForUpdate(String id) {
        return ProposalRecord.<ProposalRecord>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(r -> r == null ? null : toDomain(r));
    }

    /** Open (proposed or approved) proposals of a principal, locked. */
    public Uni<List<Proposal>> openOfForUpdate(String principalArn) {
        return ProposalRecord.<ProposalRecord>find("principalArn = ?1 and status in ('PROPOSED', 'APPROVED') order by id",
                        principalArn)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(rows -> rows.stream().map(this::toDomain).toList());
    }

    /** Applied proposals (in their watch period or due for confirmation), oldest first. */
    public Uni<List<Proposal>> applied(int limit) {
        return ProposalRecord.<ProposalRecord>find("status = 'APPLIED' order by appliedAt").page(0, limit).list()
                .map(rows -> rows.stream().map(this::toDomain).toList());
    }

    public Uni<List<Proposal>> list(ProposalStatus status, String principalArn, String cursor, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status.name());
        }
        if (principalArn != null) {
            query.append(" and principalArn = :principal");
            params.and("principal", principalArn);
        }
        if (cursor != null) {
            query.append(" and id < :cursor");
            params.and("cursor", cursor);
        }
        query.append(" order by id desc");
        return ProposalRecord.<ProposalRecord>find(query.toString(), params).page(0, limit).list()
                .map(rows -> rows.stream().map(this::toDomain).toList());
    }

    public Uni<Void> save(Proposal p) {
        return ProposalRecord.<ProposalRecord>findById(p.id()).chain(existing -> {
            ProposalRecord r = existing != null ? existing : new ProposalRecord();
            copy(p, r);
            return (existing != null ? Uni.createFrom().item(r) : r.persist()).chain(() -> Panache.flush());
        });
    }

    private Proposal toDomain(ProposalRecord r) {
        return new Proposal(r.id, r.accountId, r.principalArn, ProposalKind.valueOf(r.kind),
                ProposalStatus.valueOf(r.status), Mode.valueOf(r.mode), Confidence.valueOf(r.confidence), r.summary,
                r.removedPermissions, read(r.baseline, PrincipalPermissions.class), readChanges(r.changes),
                read(r.evidence, Evidence.class), r.proof == null ? null : read(r.proof, Proof.class), r.createdAt,
                r.decidedBy, r.decidedAt, r.appliedBy, r.appliedAt, r.watchUntil, r.closedAt, r.closedBy, r.closeReason,
                r.analyzerChecks == null ? null : read(r.analyzerChecks, AnalyzerChecks.class));
    }

    private void copy(Proposal p, ProposalRecord r) {
        r.id = p.id();
        r.accountId = p.accountId();
        r.principalArn = p.principalArn();
        r.kind = p.kind().name();
        r.status = p.status().name();
        r.mode = p.mode().name();
        r.confidence = p.confidence().name();
        r.summary = p.summary();
        r.removedPermissions = p.removedPermissions();
        r.proven = p.proven();
        r.baseline = write(p.baseline());
        r.changes = write(p.changes());
        r.evidence = write(p.evidence());
        r.proof = p.proof() == null ? null : write(p.proof());
        r.createdAt = p.createdAt();
        r.decidedBy = p.decidedBy();
        r.decidedAt = p.decidedAt();
        r.appliedBy = p.appliedBy();
        r.appliedAt = p.appliedAt();
        r.watchUntil = p.watchUntil();
        r.closedAt = p.closedAt();
        r.closedBy = p.closedBy();
        r.closeReason = p.closeReason();
        r.analyzerChecks = p.analyzerChecks() == null ? null : write(p.analyzerChecks());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " unreadable", e);
        }
    }

    private List<PolicyChange> readChanges(String text) {
        try {
            return json.readValue(text, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored changes unreadable", e);
        }
    }

}
