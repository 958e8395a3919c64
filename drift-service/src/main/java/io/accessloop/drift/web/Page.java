package io.accessloop.drift.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A list answer {@code {"items": [...], "nextCursor": ...}} and the paging input behind it. Cursors are keyset
 * cursors, opaque to clients: they hold the sort key and id of the last item of the page and the listing they belong
 * to, so rows inserted or removed between two pages never cause duplicates or skips.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Validated {@code limit} and {@code cursor}. {@code listing} names the list and its order (e.g.
     * {@code findings:-openedAt}); a cursor of another listing is refused.
     */
    public record Request(int limit, String listing, List<String> after) {

        public static Request of(Integer limit, String cursor, String listing) {
            int size = limit == null ? DEFAULT_LIMIT : limit;
            if (size < 1 || size > MAX_LIMIT) {
                throw ProblemException.badRequest("invalid-limit", "limit must be between 1 and " + MAX_LIMIT);
            }
            return new Request(size, listing, decode(cursor, listing));
        }

        /**
         * The HQL condition selecting rows strictly after the cursor in the order {@code fields} (all ascending, or
         * all descending), with its parameters; {@code 1 = 1} on the first page. {@code types} turn the cursor's
         * text back into each field's value.
         */
        public String where(List<String> fields, boolean descending, List<Function<String, Object>> types,
                            Map<String, Object> params) {
            if (after == null) {
                return "1 = 1";
            }
            if (after.size() != fields.size()) {
                throw invalid();
            }
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                List<String> terms = new ArrayList<>();
                for (int j = 0; j < i; j++) {
                    terms.add(fields.get(j) + " = :k" + j);
                }
                terms.add(fields.get(i) + (descending ? " < :k" : " > :k") + i);
                alternatives.add("(" + String.join(" and ", terms) + ")");
            }
            for (int i = 0; i < fields.size(); i++) {
                try {
                    params.put("k" + i, types.get(i).apply(after.get(i)));
                } catch (RuntimeException e) {
                    throw invalid();
                }
            }
            return "(" + String.join(" or ", alternatives) + ")";
        }

        /** The page from up to {@code limit + 1} rows; the cursor holds {@code key} of the last row shown. */
        public <R, V> Page<V> page(List<R> rows, Function<R, List<String>> key, Function<R, V> view) {
            boolean more = rows.size() > limit;
            List<R> shown = more ? rows.subList(0, limit) : rows;
            return new Page<>(shown.stream().map(view).toList(),
                    more ? encode(listing, key.apply(shown.get(shown.size() - 1))) : null);
        }

        private static List<String> decode(String cursor, String listing) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                List<String> parts = JSON.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<>() {
                });
                if (parts.size() < 2 || !listing.equals(parts.get(0)) || parts.contains(null)) {
                    throw invalid();
                }
                return List.copyOf(parts.subList(1, parts.size()));
            } catch (IllegalArgumentException | java.io.IOException e) {
                throw invalid();
            }
        }

        private static String encode(String listing, List<String> key) {
            List<String> parts = new ArrayList<>();
            parts.add(listing);
            parts.addAll(key);
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsString(parts)
                        .getBytes(StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static ProblemException invalid() {
            return ProblemException.badRequest("invalid-cursor", "cursor is not one this list returned");
        }
    }
}
