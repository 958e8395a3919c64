package io.accessloop.drift.web;

import io.accessloop.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A list answer {@code {"items": [...], "nextCursor": ...}} and the paging input behind it. Cursors are opaque to
 * clients (they encode a position in the sorted result).
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Validated {@code limit} and {@code cursor} query parameters. */
    public record Request(int limit, int offset) {

        public static Request of(Integer limit, String cursor) {
            int size = limit == null ? DEFAULT_LIMIT : limit;
            if (size < 1 || size > MAX_LIMIT) {
                throw ProblemException.badRequest("invalid-limit", "limit must be between 1 and " + MAX_LIMIT);
            }
            return new Request(size, decode(cursor));
        }

        /** Builds the page from up to {@code limit + 1} rows fetched at {@code offset}. */
        public <T> Page<T> page(List<T> rows) {
            boolean more = rows.size() > limit;
            return new Page<>(more ? rows.subList(0, limit) : rows, more ? encode(offset + limit) : null);
        }

        private static int decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return 0;
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (!text.startsWith("o:")) {
                    throw new IllegalArgumentException();
                }
                int offset = Integer.parseInt(text.substring(2));
                if (offset < 0) {
                    throw new IllegalArgumentException();
                }
                return offset;
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-cursor", "cursor is not one this API returned");
            }
        }

        private static String encode(int offset) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
        }
    }
}
