package io.accessloop.drift.findings.service;

import io.accessloop.drift.findings.domain.FindingStatus;
import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.kit.problem.ProblemException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Filters and sort order of {@code GET /api/v1/findings}, validated. {@code sort} is one of {@code openedAt},
 * {@code lastSeenAt}, {@code severity}, optionally prefixed with {@code -} for descending (default {@code -openedAt}).
 */
public record FindingQuery(List<String> statuses, String rule, String severity, String accountId, String principalArn,
                           String resourceType, String sort) {

    /** Sort name → column. */
    private static final Map<String, String> SORTS = Map.of(
            "openedAt", "opened_at", "lastSeenAt", "last_seen_at", "severity", "severity_rank");
    /** Every column of a finding: the list shows them all. */
    private static final String COLUMNS = "id, account_id, principal_arn, resource_type, rule, dedup_key, severity, "
            + "severity_rank, status, summary, evidence, changed_by, source_identity, opened_at, last_seen_at, "
            + "resolved_at, resolution, suppressed_until, suppression_reason, suppressed_by";

    public FindingQuery {
        statuses = statuses == null ? List.of() : statuses.stream().filter(s -> s != null && !s.isBlank())
                .flatMap(s -> java.util.Arrays.stream(s.split(","))).map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        for (String s : statuses) {
            try {
                FindingStatus.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-filter", "status must be OPEN, SUPPRESSED or RESOLVED");
            }
        }
        if (severity != null) {
            try {
                severity = Severity.parse(severity).label();
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-filter", e.getMessage());
            }
        }
        if (resourceType != null) {
            resourceType = resourceType.toUpperCase(Locale.ROOT);
            if (!List.of("USER", "GROUP", "ROLE", "POLICY").contains(resourceType)) {
                throw ProblemException.badRequest("invalid-filter", "resourceType must be USER, GROUP, ROLE or POLICY");
            }
        }
        sort = sort == null || sort.isBlank() ? "-openedAt" : sort;
        if (!SORTS.containsKey(sort.startsWith("-") ? sort.substring(1) : sort)) {
            throw ProblemException.badRequest("invalid-sort", "sort must be openedAt, lastSeenAt or severity, "
                    + "optionally prefixed with -");
        }
    }

    /**
     * The SQL selecting one page: the filters, the rows strictly after the cursor's sort key and id ({@code after},
     * empty on the first page) in this order, ties broken by id, and at most {@code rows} rows. Every value is a
     * parameter ({@code $1}, {@code $2}, …) added to {@code params}; the text itself depends only on which filters are
     * set and the sort, so it is built from a small fixed set of shapes. A cursor value that is not of the sort
     * column's type is refused as an invalid cursor.
     */
    public String sql(List<String> after, int rows, List<Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (!statuses.isEmpty()) {
            params.add(statuses.toArray(String[]::new));
            where.append(" and status = any($").append(params.size()).append(')');
        }
        add(where, params, "rule", rule);
        add(where, params, "severity", severity);
        add(where, params, "account_id", accountId);
        add(where, params, "principal_arn", principalArn);
        add(where, params, "resource_type", resourceType);
        String column = sortColumn();
        if (!after.isEmpty()) {
            if (after.size() != 2) {
                throw invalidCursor();
            }
            params.add(cursorValue(after.get(0)));
            params.add(after.get(1));
            where.append(" and (").append(column).append(", id) ").append(descending() ? '<' : '>')
                    .append(" ($").append(params.size() - 1).append(", $").append(params.size()).append(')');
        }
        String direction = descending() ? " desc" : " asc";
        params.add(rows);
        return "select " + COLUMNS + " from finding" + where + " order by " + column + direction + ", id" + direction
                + " limit $" + params.size();
    }

    public boolean descending() {
        return sort.startsWith("-");
    }

    /** The sort name without its direction: {@code openedAt}, {@code lastSeenAt} or {@code severity}. */
    public String sortName() {
        return descending() ? sort.substring(1) : sort;
    }

    /** Names this order for keyset cursors: a cursor only continues the listing it came from. */
    public String listing() {
        return "findings:" + sort;
    }

    private String sortColumn() {
        return SORTS.get(sortName());
    }

    /** The cursor's sort key as the sort column's type: a severity rank or a UTC time. */
    private Object cursorValue(String key) {
        try {
            return "severity".equals(sortName()) ? (Object) Integer.valueOf(key)
                    : OffsetDateTime.ofInstant(Instant.parse(key), ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    private static void add(StringBuilder where, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            params.add(value);
            where.append(" and ").append(column).append(" = $").append(params.size());
        }
    }

    private static ProblemException invalidCursor() {
        return ProblemException.badRequest("invalid-cursor", "cursor is not one this list returned");
    }
}
