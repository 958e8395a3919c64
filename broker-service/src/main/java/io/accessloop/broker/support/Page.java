package io.accessloop.broker.support;

import java.util.List;

/** One page of a list endpoint: {@code {"items": [...], "nextCursor": ...}}. */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public Page {
        items = List.copyOf(items);
    }

    /** Checks a {@code limit} query parameter. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw io.accessloop.kit.problem.ProblemException.badRequest("invalid-limit",
                    "limit must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
