package io.accessloop.broker.request.repository;

import io.accessloop.broker.request.domain.AccessRequest;
import io.accessloop.broker.request.domain.RequestStatus;
import io.accessloop.broker.support.ListingFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static io.accessloop.broker.support.ListingFilter.instant;

/**
 * Reads one page of requests, with their approvals, in one statement of the typed SQL client. The list is asked for by
 * both of the portal's access pages, and a Hibernate Reactive query would parse its HQL on every call (its query plan
 * cache does not cover it); the SQL is the same filter, order (id, newest first) and keyset (ids below the cursor) as
 * the query's was, with every value a parameter.
 */
@ApplicationScoped
class RequestListing {

    /** Every column of a request: the list shows them all. */
    private static final String COLUMNS = "id, requester, entitlement, account_id, role_arn, reason, ticket, "
            + "duration_seconds, break_glass, extends_grant_id, status, rule_automatic, required_approvals, "
            + "approver_groups, rule_explanation, created_at, expires_at, decided_at, decided_by, decision_comment, "
            + "grant_id";
    /** A request's approvals as three arrays in the order given (approver breaks ties of the same instant). */
    private static final String APPROVALS = " left join lateral (select"
            + " array_agg(a.approver order by a.approved_at, a.approver) as approvers,"
            + " array_agg(a.comment order by a.approved_at, a.approver) as comments,"
            + " array_agg(a.approved_at order by a.approved_at, a.approver) as approved"
            + " from request_approval a where a.request_id = r.id) a on true";

    private final Pool pool;

    RequestListing(Pool pool) {
        this.pool = pool;
    }

    /**
     * Up to {@code limit} requests with ids below {@code cursor} (all when null), highest id first, of one
     * {@code requester} and/or of the given {@code entitlements} (none when empty) and/or in one {@code status}.
     */
    Uni<List<AccessRequest>> list(String requester, Collection<String> entitlements, RequestStatus status,
                                  String cursor, int limit) {
        if (entitlements != null && entitlements.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ListingFilter filter = new ListingFilter()
                .anyOf("entitlement", entitlements)
                .equal("requester", requester)
                .equal("status", status == null ? null : status.name())
                .below(cursor);
        String sql = "select r.*, a.approvers, a.comments, a.approved from ("
                + filter.newestFirst(COLUMNS, "access_request", limit) + ") r" + APPROVALS + " order by r.id desc";
        return pool.preparedQuery(sql).execute(filter.params()).map(RequestListing::requests);
    }

    private static List<AccessRequest> requests(Iterable<Row> rows) {
        List<AccessRequest> requests = new ArrayList<>();
        for (Row row : rows) {
            RequestRecord r = new RequestRecord();
            r.id = row.getString("id");
            r.requester = row.getString("requester");
            r.entitlement = row.getString("entitlement");
            r.accountId = row.getString("account_id");
            r.roleArn = row.getString("role_arn");
            r.reason = row.getString("reason");
            r.ticket = row.getString("ticket");
            r.durationSeconds = row.getLong("duration_seconds");
            r.breakGlass = row.getBoolean("break_glass");
            r.extendsGrantId = row.getString("extends_grant_id");
            r.status = row.getString("status");
            r.ruleAutomatic = row.getBoolean("rule_automatic");
            r.requiredApprovals = row.getInteger("required_approvals");
            r.approverGroups = row.getString("approver_groups");
            r.ruleExplanation = row.getString("rule_explanation");
            r.createdAt = instant(row.getOffsetDateTime("created_at"));
            r.expiresAt = instant(row.getOffsetDateTime("expires_at"));
            r.decidedAt = instant(row.getOffsetDateTime("decided_at"));
            r.decidedBy = row.getString("decided_by");
            r.decisionComment = row.getString("decision_comment");
            r.grantId = row.getString("grant_id");
            requests.add(RequestRepository.build(r, approvals(r.id, row)));
        }
        return requests;
    }

    private static List<ApprovalRecord> approvals(String requestId, Row row) {
        String[] approvers = row.getArrayOfStrings("approvers");
        if (approvers == null) {
            return List.of();
        }
        String[] comments = row.getArrayOfStrings("comments");
        OffsetDateTime[] approved = row.getArrayOfOffsetDateTimes("approved");
        List<ApprovalRecord> approvals = new ArrayList<>(approvers.length);
        for (int i = 0; i < approvers.length; i++) {
            ApprovalRecord a = new ApprovalRecord();
            a.requestId = requestId;
            a.approver = approvers[i];
            a.comment = comments[i];
            a.approvedAt = instant(approved[i]);
            approvals.add(a);
        }
        return approvals;
    }
}
