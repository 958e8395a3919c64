package io.accessloop.lifecycle.audit.rest;

import io.accessloop.kit.problem.ProblemException;
import io.accessloop.lifecycle.audit.repository.LedgerFilter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Validates the query parameters shared by the ledger and timeline endpoints; every error is listed at once. */
public final class AuditQuery {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private AuditQuery() {
    }

    public static LedgerFilter filter(String identity, String grantId, String principalArn, String kind, String from,
                                      String to) {
        List<String> errors = new ArrayList<>();
        Instant fromTime = instant("from", from, errors);
        Instant toTime = instant("to", to, errors);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            errors.add("from: must be before to");
        }
        fail(errors);
        return new LedgerFilter(blankToNull(identity) == null ? null : identity.trim().toLowerCase(Locale.ROOT),
                blankToNull(grantId), blankToNull(principalArn), blankToNull(kind), fromTime, toTime);
    }

    public static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalid("limit must be a number from 1 to " + MAX_LIMIT,
                List.of("limit: must be 1.." + MAX_LIMIT));
    }

    public static Long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(cursor.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalid("cursor is not one this API returned", List.of("cursor: unknown cursor"));
    }

    private static Instant instant(String name, String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(name + ": must be an ISO-8601 UTC instant such as 2026-12-04T09:00:00Z");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void fail(List<String> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Some query parameters are not valid", errors);
        }
    }
}
