package io.accessloop.drift.findings.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A condition a rule sees now on one resource. {@code key} identifies the condition within the rule and resource
 * (findings deduplicate on it); {@code evidence} is empty when the condition merely still holds.
 */
public record Violation(String key, String summary, Map<String, Object> evidence) {

    public Violation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(summary, "summary");
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
