package io.accessloop.iam.eval;

import io.accessloop.iam.policy.Condition;
import io.accessloop.iam.policy.ConditionOperator;
import io.accessloop.iam.policy.ConditionOperator.BaseOperator;
import io.accessloop.iam.policy.ConditionOperator.SetQualifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates one condition (operator, key, values) against the request context, following IAM's documented
 * semantics: values of one key are ORed; negated operators are true when no request value matches; an absent key
 * makes positive operators false, negated operators and {@code ForAllValues:} true, {@code ForAnyValue:} false,
 * and any {@code ...IfExists} operator true.
 */
final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    static boolean matches(Condition condition, RequestContext context, boolean variables) {
        ConditionOperator op = condition.operator();
        List<String> requestValues = context.values(condition.key());
        if (op.base() == BaseOperator.NULL) {
            return nullMatches(condition.values(), requestValues.isEmpty());
        }
        if (requestValues.isEmpty()) {
            if (op.ifExists() || op.qualifier() == SetQualifier.FOR_ALL_VALUES) {
                return true;
            }
            return op.qualifier() == SetQualifier.NONE && op.base().negated();
        }
        List<String> rawValues = condition.values();
        PolicyVariables.Substituted[] policyValues = new PolicyVariables.Substituted[rawValues.size()];
        for (int i = 0; i < policyValues.length; i++) {
            policyValues[i] = PolicyVariables.substitute(rawValues.get(i), context, variables);
        }
        BaseOperator base = op.base();
        boolean negated = base.negated();
        switch (op.qualifier()) {
            case FOR_ANY_VALUE -> {
                for (String r : requestValues) {
                    if (negated != positiveMatch(base, policyValues, r)) {
                        return true;
                    }
                }
                return false;
            }
            case FOR_ALL_VALUES -> {
                for (String r : requestValues) {
                    if (negated == positiveMatch(base, policyValues, r)) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                for (String r : requestValues) {
                    if (positiveMatch(base, policyValues, r)) {
                        return !negated;
                    }
                }
                return negated;
            }
        }
    }

    private static boolean nullMatches(List<String> policyValues, boolean absent) {
        for (String v : policyValues) {
            if (v.equalsIgnoreCase("true") && absent || v.equalsIgnoreCase("false") && !absent) {
                return true;
            }
        }
        return false;
    }

    /** Whether a request value matches any policy value under the positive form of the operator. */
    private static boolean positiveMatch(BaseOperator base, PolicyVariables.Substituted[] policyValues,
            String requestValue) {
        for (PolicyVariables.Substituted policyValue : policyValues) {
            if (policyValue != null && positiveMatch(base, policyValue, requestValue)) {
                return true;
            }
        }
        return false;
    }

    private static boolean positiveMatch(BaseOperator base, PolicyVariables.Substituted policy, String request) {
        String p = policy.text();
        return switch (base) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> p.equals(request);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> p.equalsIgnoreCase(request);
            case STRING_LIKE, STRING_NOT_LIKE -> Wildcards.matches(p, policy.literal(), request, false);
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> compareNumbers(p, request, c -> c == 0);
            case NUMERIC_LESS_THAN -> compareNumbers(p, request, c -> c < 0);
            case NUMERIC_LESS_THAN_EQUALS -> compareNumbers(p, request, c -> c <= 0);
            case NUMERIC_GREATER_THAN -> compareNumbers(p, request, c -> c > 0);
            case NUMERIC_GREATER_THAN_EQUALS -> compareNumbers(p, request, c -> c >= 0);
            case DATE_EQUALS, DATE_NOT_EQUALS -> compareDates(p, request, c -> c == 0);
            case DATE_LESS_THAN -> compareDates(p, request, c -> c < 0);
            case DATE_LESS_THAN_EQUALS -> compareDates(p, request, c -> c <= 0);
            case DATE_GREATER_THAN -> compareDates(p, request, c -> c > 0);
            case DATE_GREATER_THAN_EQUALS -> compareDates(p, request, c -> c >= 0);
            case BOOL -> p.equalsIgnoreCase(request.trim());
            case BINARY_EQUALS -> binaryEquals(p, request);
            case IP_ADDRESS, NOT_IP_ADDRESS -> {
                IpRange range = IpRange.parse(p);
                yield range != null && range.contains(request);
            }
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE ->
                    request.startsWith("arn:") && Wildcards.matchesArn(p, policy.literal(), request);
            case NULL -> throw new IllegalStateException("Null is evaluated on presence");
        };
    }

    private interface Comparison {
        boolean holds(int requestComparedToPolicy);
    }

    private static boolean compareNumbers(String policy, String request, Comparison comparison) {
        BigDecimal p = ConditionValues.number(policy);
        BigDecimal r = ConditionValues.number(request);
        return p != null && r != null && comparison.holds(r.compareTo(p));
    }

    private static boolean compareDates(String policy, String request, Comparison comparison) {
        Instant p = ConditionValues.date(policy);
        Instant r = ConditionValues.date(request);
        return p != null && r != null && comparison.holds(r.compareTo(p));
    }

    private static boolean binaryEquals(String policy, String request) {
        byte[] p = ConditionValues.binary(policy);
        byte[] r = ConditionValues.binary(request);
        return p != null && r != null ? Arrays.equals(p, r) : policy.trim().equals(request.trim());
    }
}
