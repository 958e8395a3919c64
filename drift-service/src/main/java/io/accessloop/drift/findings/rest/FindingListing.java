package io.accessloop.drift.findings.rest;

import io.accessloop.drift.findings.repository.Finding;
import io.accessloop.drift.findings.service.FindingQuery;
import io.accessloop.drift.web.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page of findings with the typed SQL client. The list is the drift API's most asked-for read, and a
 * Hibernate Reactive query would parse its HQL on every call (its query plan cache does not cover it); the SQL here
 * is the same filter, order and keyset as the query's, with every value a parameter.
 */
@ApplicationScoped
class FindingListing {

    private final Pool pool;

    FindingListing(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code paging.limit() + 1} rows after the cursor, so the page knows whether more follow. */
    Uni<List<Finding>> rows(FindingQuery query, Page.Request paging) {
        List<Object> params = new ArrayList<>();
        String sql = query.sql(paging.after() == null ? List.of() : paging.after(), paging.limit() + 1, params);
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(FindingListing::findings);
    }

    private static List<Finding> findings(Iterable<Row> rows) {
        List<Finding> findings = new ArrayList<>();
        for (Row row : rows) {
            Finding f = new Finding();
            f.id = row.getString("id");
            f.accountId = row.getString("account_id");
            f.principalArn = row.getString("principal_arn");
            f.resourceType = row.getString("resource_type");
            f.rule = row.getString("rule");
            f.dedupKey = row.getString("dedup_key");
            f.severity = row.getString("severity");
            f.severityRank = row.getInteger("severity_rank");
            f.status = row.getString("status");
            f.summary = row.getString("summary");
            f.evidence = row.getString("evidence");
            f.changedBy = row.getString("changed_by");
            f.sourceIdentity = row.getString("source_identity");
            f.openedAt = instant(row, "opened_at");
            f.lastSeenAt = instant(row, "last_seen_at");
            f.resolvedAt = instant(row, "resolved_at");
            f.resolution = row.getString("resolution");
            f.suppressedUntil = instant(row, "suppressed_until");
            f.suppressionReason = row.getString("suppression_reason");
            f.suppressedBy = row.getString("suppressed_by");
            findings.add(f);
        }
        return findings;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
