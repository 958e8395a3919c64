package io.accessloop.broker.grant.repository;

import io.accessloop.broker.grant.domain.Grant;
import io.accessloop.broker.grant.domain.GrantStatus;
import io.accessloop.broker.support.ListingFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static io.accessloop.broker.support.ListingFilter.instant;

/**
 * Reads one page of grants in one statement of the typed SQL client. The portal's access pages ask for it on every
 * view, and a Hibernate Reactive query would parse its HQL on every call (its query plan cache does not cover it); the
 * SQL is the same filter, order (id, newest first) and keyset (ids below the cursor) as the query's was, with every
 * value a parameter.
 */
@ApplicationScoped
class GrantListing {

    /** The columns of {@link GrantRecord} (sessions_until is not part of a grant's view). */
    private static final String COLUMNS = "id, request_id, identity, entitlement, account_id, role_arn, session_policy, "
            + "starts_at, ends_at, break_glass, status, ended_at, ended_by, end_reason, revocation_verified, "
            + "reviewed_at, reviewed_by, review_comment";

    private final Pool pool;

    GrantListing(Pool pool) {
        this.pool = pool;
    }

    /**
     * Up to {@code limit} grants with ids below {@code cursor} (all when null), highest id first, of one
     * {@code identity} and/or of the given {@code entitlements} (none when empty) and/or in one {@code status}, and
     * only break-glass grants not yet reviewed when {@code reviewPending} is true.
     */
    Uni<List<Grant>> list(String identity, Collection<String> entitlements, GrantStatus status, Boolean reviewPending,
                          String cursor, int limit) {
        if (entitlements != null && entitlements.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ListingFilter filter = new ListingFilter()
                .anyOf("entitlement", entitlements)
                .equal("identity", identity)
                .equal("status", status == null ? null : status.name())
                .when(Boolean.TRUE.equals(reviewPending), "break_glass = true and reviewed_at is null")
                .below(cursor);
        String sql = filter.newestFirst(COLUMNS, "access_grant", limit);
        return pool.preparedQuery(sql).execute(filter.params()).map(GrantListing::grants);
    }

    private static List<Grant> grants(Iterable<Row> rows) {
        List<Grant> grants = new ArrayList<>();
        for (Row row : rows) {
            GrantRecord r = new GrantRecord();
            r.id = row.getString("id");
            r.requestId = row.getString("request_id");
            r.identity = row.getString("identity");
            r.entitlement = row.getString("entitlement");
            r.accountId = row.getString("account_id");
            r.roleArn = row.getString("role_arn");
            r.sessionPolicy = row.getString("session_policy");
            r.startsAt = instant(row.getOffsetDateTime("starts_at"));
            r.endsAt = instant(row.getOffsetDateTime("ends_at"));
            r.breakGlass = row.getBoolean("break_glass");
            r.status = row.getString("status");
            r.endedAt = instant(row.getOffsetDateTime("ended_at"));
            r.endedBy = row.getString("ended_by");
            r.endReason = row.getString("end_reason");
            r.revocationVerified = row.getBoolean("revocation_verified");
            r.reviewedAt = instant(row.getOffsetDateTime("reviewed_at"));
            r.reviewedBy = row.getString("reviewed_by");
            r.reviewComment = row.getString("review_comment");
            grants.add(GrantRepository.toDomain(r));
        }
        return grants;
    }
}
