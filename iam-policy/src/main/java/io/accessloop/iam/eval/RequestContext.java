package io.accessloop.iam.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The context keys of a request ({@code aws:SourceIp}, {@code aws:PrincipalTag/team}, ...) with their values.
 * Keys compare case-insensitively, as IAM's condition keys do. A key with no values is absent.
 */
public final class RequestContext {

    private static final RequestContext EMPTY = new RequestContext(Map.of());

    private final Map<String, List<String>> values;

    private RequestContext(Map<String, List<String>> values) {
        this.values = values;
    }

    public static RequestContext empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this context's keys, to add or replace some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    /** The values of a key, empty when the request does not carry it. */
    public List<String> values(String key) {
        List<String> found = values.get(key);
        return found == null ? List.of() : found;
    }

    /** The single value of a key, or {@code null} when absent or multi-valued. */
    public String single(String key) {
        List<String> found = values(key);
        return found.size() == 1 ? found.get(0) : null;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The keys present, lower-cased. */
    public Set<String> keys() {
        return values.keySet();
    }

    static String normalise(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestContext other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Builds a context; later puts of the same key replace earlier ones. */
    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String key, String... keyValues) {
            return put(key, Arrays.asList(keyValues));
        }

        public Builder put(String key, List<String> keyValues) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("a context key must not be blank");
            }
            List<String> copy = List.copyOf(keyValues);
            if (copy.isEmpty()) {
                values.remove(normalise(key));
            } else {
                values.put(normalise(key), copy);
            }
            return this;
        }

        public Builder put(String key, boolean value) {
            return put(key, Boolean.toString(value));
        }

        public Builder put(String key, long value) {
            return put(key, Long.toString(value));
        }

        public Builder put(String key, Instant value) {
            return put(key, value.toString());
        }

        /** {@code aws:CurrentTime} (ISO-8601) and {@code aws:EpochTime} (seconds) for the moment of the request. */
        public Builder currentTime(Instant now) {
            put("aws:CurrentTime", now.toString());
            return put("aws:EpochTime", now.getEpochSecond());
        }

        /** One key per tag: {@code putTags("aws:PrincipalTag/", Map.of("team", "red"))} sets aws:PrincipalTag/team. */
        public Builder putTags(String prefix, Map<String, String> tags) {
            tags.forEach((tagKey, tagValue) -> put(prefix + tagKey, tagValue));
            return this;
        }

        /** Request tags as AWS presents them: {@code aws:RequestTag/<key>} per tag plus {@code aws:TagKeys}. */
        public Builder putRequestTags(Map<String, String> tags) {
            putTags("aws:RequestTag/", tags);
            return put("aws:TagKeys", new ArrayList<>(tags.keySet()));
        }

        public Builder remove(String key) {
            values.remove(normalise(key));
            return this;
        }

        public RequestContext build() {
            if (values.isEmpty()) {
                return EMPTY;
            }
            // case-insensitive lookups without allocating a lower-cased key per lookup
            Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            sorted.putAll(values);
            return new RequestContext(Collections.unmodifiableMap(sorted));
        }
    }
}
