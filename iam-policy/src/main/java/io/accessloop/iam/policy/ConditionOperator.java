package io.accessloop.iam.policy;

import java.util.Locale;

/**
 * A parsed condition operator such as {@code ForAnyValue:StringLikeIfExists}: an optional set qualifier, the base
 * operator and the {@code IfExists} suffix.
 */
public record ConditionOperator(SetQualifier qualifier, BaseOperator base, boolean ifExists) {

    /** How a condition treats a multi-valued context key. */
    public enum SetQualifier {
        /** Plain operator: true when any request value matches (negated operators: when none does). */
        NONE(""),
        /** {@code ForAllValues:} every request value must match some policy value; true for an absent key. */
        FOR_ALL_VALUES("ForAllValues:"),
        /** {@code ForAnyValue:} at least one request value must match; false for an absent key. */
        FOR_ANY_VALUE("ForAnyValue:");

        private final String prefix;

        SetQualifier(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** The operator families IAM documents. */
    public enum BaseOperator {
        STRING_EQUALS("StringEquals", false),
        STRING_NOT_EQUALS("StringNotEquals", true),
        STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false),
        STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true),
        STRING_LIKE("StringLike", false),
        STRING_NOT_LIKE("StringNotLike", true),
        NUMERIC_EQUALS("NumericEquals", false),
        NUMERIC_NOT_EQUALS("NumericNotEquals", true),
        NUMERIC_LESS_THAN("NumericLessThan", false),
        NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false),
        NUMERIC_GREATER_THAN("NumericGreaterThan", false),
        NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false),
        DATE_EQUALS("DateEquals", false),
        DATE_NOT_EQUALS("DateNotEquals", true),
        DATE_LESS_THAN("DateLessThan", false),
        DATE_LESS_THAN_EQUALS("DateLessThanEquals", false),
        DATE_GREATER_THAN("DateGreaterThan", false),
        DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false),
        BOOL("Bool", false),
        BINARY_EQUALS("BinaryEquals", false),
        IP_ADDRESS("IpAddress", false),
        NOT_IP_ADDRESS("NotIpAddress", true),
        ARN_EQUALS("ArnEquals", false),
        ARN_LIKE("ArnLike", false),
        ARN_NOT_EQUALS("ArnNotEquals", true),
        ARN_NOT_LIKE("ArnNotLike", true),
        NULL("Null", false);

        private final String jsonName;
        private final boolean negated;

        BaseOperator(String jsonName, boolean negated) {
            this.jsonName = jsonName;
            this.negated = negated;
        }

        public String jsonName() {
            return jsonName;
        }

        /** Negated operators match when no request value matches any policy value. */
        public boolean negated() {
            return negated;
        }
    }

    /** Parses an operator name; returns {@code null} when IAM would reject it. */
    public static ConditionOperator parse(String text) {
        if (text == null) {
            return null;
        }
        String rest = text;
        SetQualifier qualifier = SetQualifier.NONE;
        for (SetQualifier candidate : new SetQualifier[] {SetQualifier.FOR_ALL_VALUES, SetQualifier.FOR_ANY_VALUE}) {
            if (rest.regionMatches(true, 0, candidate.prefix(), 0, candidate.prefix().length())) {
                qualifier = candidate;
                rest = rest.substring(candidate.prefix().length());
                break;
            }
        }
        boolean ifExists = false;
        if (rest.toLowerCase(Locale.ROOT).endsWith("ifexists")) {
            ifExists = true;
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        for (BaseOperator base : BaseOperator.values()) {
            if (base.jsonName.equalsIgnoreCase(rest)) {
                if (base == BaseOperator.NULL && ifExists) {
                    return null;
                }
                return new ConditionOperator(qualifier, base, ifExists);
            }
        }
        return null;
    }

    /** The canonical spelling, e.g. {@code ForAnyValue:StringLikeIfExists}. */
    public String jsonName() {
        return qualifier.prefix() + base.jsonName() + (ifExists ? "IfExists" : "");
    }

    @Override
    public String toString() {
        return jsonName();
    }
}
