package io.accessloop.drift.findings.service;

import io.accessloop.drift.findings.domain.FindingStatus;
import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.kit.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Filters and sort order of {@code GET /api/v1/findings}, validated. {@code sort} is one of {@code openedAt},
 * {@code lastSeenAt}, {@code severity}, optionally prefixed with {@code -} for descending (default {@code -openedAt}).
 */
public record FindingQuery(List<String> statuses, String rule, String severity, String accountId, String principalArn,
                           String resourceType, String sort) {

    private static final Map<String, String> SORTS = Map.of(
            "openedAt", "openedAt", "lastSeenAt", "lastSeenAt", "severity", "severityRank");

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

    /** HQL where clause and parameters. */
    public String where(Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (!statuses.isEmpty()) {
            clauses.add("status in :statuses");
            params.put("statuses", statuses);
        }
        add(clauses, params, "rule", rule);
        add(clauses, params, "severity", severity);
        add(clauses, params, "accountId", accountId);
        add(clauses, params, "principalArn", principalArn);
        add(clauses, params, "resourceType", resourceType);
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public String orderBy() {
        String direction = descending() ? " desc" : " asc";
        return sortField() + direction + ", id" + direction;
    }

    public boolean descending() {
        return sort.startsWith("-");
    }

    /** The entity field sorted on (ties broken by id). */
    public String sortField() {
        return SORTS.get(descending() ? sort.substring(1) : sort);
    }

    /** Names this order for keyset cursors: a cursor only continues the listing it came from. */
    public String listing() {
        return "findings:" + sort;
    }

    private static void add(List<String> clauses, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            clauses.add(field + " = :" + field);
            params.put(field, value);
        }
    }

    public static Map<String, Object> params() {
        return new LinkedHashMap<>();
    }
}
