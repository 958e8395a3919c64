package io.accessloop.broker.request.repository;

import io.accessloop.broker.catalog.domain.RuleDecision;
import io.accessloop.broker.request.domain.AccessRequest;
import io.accessloop.broker.request.domain.Approval;
import io.accessloop.broker.request.domain.RequestStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Loads and stores {@link AccessRequest}s; callers run inside a transaction. */
@ApplicationScoped
public class RequestRepository {

    /** Loads a request with a row lock, so that concurrent approvals are applied one after the other. */
    public Uni<AccessRequest> findForUpdate(String id) {
        return RequestRecord.<RequestRecord>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(record -> record == null ? Uni.createFrom().nullItem() : toDomain(record));
    }

    public Uni<AccessRequest> find(String id) {
        return RequestRecord.<RequestRecord>findById(id)
                .chain(record -> record == null ? Uni.createFrom().nullItem() : toDomain(record));
    }

    private final RequestListing listing;

    RequestRepository(RequestListing listing) {
        this.listing = listing;
    }

    /**
     * A page ordered by id (time-ordered), optionally of one requester, of some entitlements (none when empty) and/or
     * of one status; read with one SQL statement, outside any Hibernate session.
     */
    public Uni<List<AccessRequest>> list(String requester, java.util.Collection<String> entitlements,
                                         RequestStatus status, String cursor, int limit) {
        return listing.list(requester, entitlements, status, cursor, limit);
    }

    /** Pending requests of a person, locked (offboarding cancels them). */
    public Uni<List<AccessRequest>> pendingOfForUpdate(String requester) {
        return RequestRecord.<RequestRecord>find("requester = ?1 and status = 'PENDING'", requester)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(this::toDomain);
    }

    public Uni<Void> save(AccessRequest request) {
        return RequestRecord.<RequestRecord>findById(request.id())
                .chain(existing -> {
                    RequestRecord record = existing != null ? existing : new RequestRecord();
                    copy(request, record);
                    Uni<?> stored = existing != null ? Uni.createFrom().item(record) : record.persist();
                    return stored.chain(() -> saveApprovals(request));
                });
    }

    private Uni<Void> saveApprovals(AccessRequest request) {
        return ApprovalRecord.<ApprovalRecord>list("requestId", request.id())
                .chain(stored -> {
                    Set<String> known = new HashSet<>();
                    stored.forEach(a -> known.add(a.approver));
                    List<ApprovalRecord> added = request.approvals().stream()
                            .filter(a -> !known.contains(a.approver()))
                            .map(a -> {
                                ApprovalRecord r = new ApprovalRecord();
                                r.requestId = request.id();
                                r.approver = a.approver();
                                r.comment = a.comment();
                                r.approvedAt = a.at();
                                return r;
                            }).toList();
                    return added.isEmpty() ? Uni.createFrom().voidItem()
                            : ApprovalRecord.persist(added).replaceWithVoid();
                })
                .call(() -> io.quarkus.hibernate.reactive.panache.Panache.flush());
    }

    private Uni<List<AccessRequest>> toDomain(List<RequestRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = records.stream().map(r -> r.id).toList();
        return ApprovalRecord.<ApprovalRecord>list("requestId in ?1 order by approvedAt", ids)
                .map(approvals -> records.stream().map(r -> build(r, approvals.stream()
                        .filter(a -> a.requestId.equals(r.id)).toList())).toList());
    }

    private Uni<AccessRequest> toDomain(RequestRecord record) {
        return ApprovalRecord.<ApprovalRecord>list("requestId = ?1 order by approvedAt", record.id)
                .map(approvals -> build(record, approvals));
    }

    /** The request a stored row and its approvals (in the order given) hold. */
    static AccessRequest build(RequestRecord r, List<ApprovalRecord> approvals) {
        List<String> groups = r.approverGroups.isEmpty() ? List.of() : Arrays.asList(r.approverGroups.split(","));
        return new AccessRequest(r.id, r.requester, r.entitlement, r.accountId, r.roleArn, r.reason, r.ticket,
                r.durationSeconds, r.breakGlass, r.extendsGrantId,
                new RuleDecision(r.ruleAutomatic, r.requiredApprovals, groups, r.ruleExplanation),
                r.createdAt, r.expiresAt,
                approvals.stream().map(a -> new Approval(a.approver, a.comment, a.approvedAt)).toList(),
                RequestStatus.valueOf(r.status), r.decidedAt, r.decidedBy, r.decisionComment, r.grantId);
    }

    private static void copy(AccessRequest q, RequestRecord r) {
        r.id = q.id();
        r.requester = q.requester();
        r.entitlement = q.entitlement();
        r.accountId = q.accountId();
        r.roleArn = q.roleArn();
        r.reason = q.reason();
        r.ticket = q.ticket();
        r.durationSeconds = q.durationSeconds();
        r.breakGlass = q.breakGlass();
        r.extendsGrantId = q.extendsGrantId();
        r.status = q.status().name();
        r.ruleAutomatic = q.rule().automatic();
        r.requiredApprovals = q.rule().requiredApprovals();
        r.approverGroups = String.join(",", q.rule().approverGroups());
        r.ruleExplanation = q.rule().explanation();
        r.createdAt = q.createdAt();
        r.expiresAt = q.expiresAt();
        r.decidedAt = q.decidedAt();
        r.decidedBy = q.decidedBy();
        r.decisionComment = q.decisionComment();
        r.grantId = q.grantId();
    }
}
