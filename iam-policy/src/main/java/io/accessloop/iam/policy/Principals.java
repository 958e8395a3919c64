package io.accessloop.iam.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of a {@code Principal} or {@code NotPrincipal} element: either the bare wildcard {@code "*"} or a map
 * from principal type ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}) to identifiers.
 */
public record Principals(boolean wildcard, Map<String, List<String>> byType) {

    public static final String AWS = "AWS";
    public static final String SERVICE = "Service";
    public static final String FEDERATED = "Federated";
    public static final String CANONICAL_USER = "CanonicalUser";

    public Principals {
        if (wildcard && byType != null && !byType.isEmpty()) {
            throw new IllegalArgumentException("a wildcard principal has no typed identifiers");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (byType != null) {
            byType.forEach((type, ids) -> copy.put(type, List.copyOf(ids)));
        }
        byType = Collections.unmodifiableMap(copy);
    }

    /** {@code "Principal": "*"}. */
    public static Principals anyone() {
        return new Principals(true, Map.of());
    }

    public static Principals of(String type, List<String> identifiers) {
        return new Principals(false, Map.of(type, identifiers));
    }

    public static Principals aws(String... identifiers) {
        return of(AWS, List.of(identifiers));
    }

    public static Principals service(String... identifiers) {
        return of(SERVICE, List.of(identifiers));
    }

    /** Identifiers of one type, empty when the type is absent. */
    public List<String> identifiers(String type) {
        return byType.getOrDefault(type, List.of());
    }
}
