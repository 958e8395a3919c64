package io.accessloop.iam.policy;

import java.util.List;
import java.util.Objects;

/**
 * One operator/key pair of a {@code Condition} block, with its values. Keys compare case-insensitively in
 * evaluation; the spelling of the document is kept here. Boolean and number values are held as their JSON text.
 */
public record Condition(ConditionOperator operator, String key, List<String> values) {

    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
    }

    public static Condition of(String operator, String key, String... values) {
        ConditionOperator parsed = ConditionOperator.parse(operator);
        if (parsed == null) {
            throw new IllegalArgumentException("unknown condition operator " + operator);
        }
        return new Condition(parsed, key, List.of(values));
    }
}
