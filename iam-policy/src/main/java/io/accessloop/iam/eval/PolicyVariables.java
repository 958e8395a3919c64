package io.accessloop.iam.eval;

/**
 * Substitutes policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team, 'none'}}, and the
 * escapes {@code ${*}}, {@code ${?}}, {@code ${$}}) from the request context. Substituted characters are marked
 * literal so a {@code *} that came from a variable is not a wildcard.
 */
final class PolicyVariables {

    /** A value after substitution; {@code literal} is null when nothing was substituted. */
    record Substituted(String text, boolean[] literal) {
    }

    private PolicyVariables() {
    }

    /**
     * Returns the substituted value, or {@code null} when a variable has no single value in the context and no
     * default (such a value matches nothing, as in IAM).
     */
    static Substituted substitute(String value, RequestContext context, boolean enabled) {
        if (!enabled || value.indexOf("${") < 0) {
            return new Substituted(value, null);
        }
        StringBuilder text = new StringBuilder(value.length() + 16);
        StringBuilder mask = new StringBuilder(value.length() + 16);
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            int end = start < 0 ? -1 : value.indexOf('}', start + 2);
            if (start < 0 || end < 0) {
                append(text, mask, value.substring(i), false);
                break;
            }
            append(text, mask, value.substring(i, start), false);
            String replacement = resolve(value.substring(start + 2, end).trim(), context);
            if (replacement == null) {
                return null;
            }
            append(text, mask, replacement, true);
            i = end + 1;
        }
        boolean[] literal = new boolean[mask.length()];
        for (int k = 0; k < literal.length; k++) {
            literal[k] = mask.charAt(k) == 'L';
        }
        return new Substituted(text.toString(), literal);
    }

    private static void append(StringBuilder text, StringBuilder mask, String part, boolean literal) {
        text.append(part);
        mask.append(String.valueOf(literal ? 'L' : 'W').repeat(part.length()));
    }

    private static String resolve(String expression, RequestContext context) {
        if (expression.equals("*") || expression.equals("?") || expression.equals("$")) {
            return expression;
        }
        String key = expression;
        String fallback = null;
        int comma = expression.indexOf(',');
        if (comma >= 0) {
            key = expression.substring(0, comma).trim();
            String rest = expression.substring(comma + 1).trim();
            if (rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
                fallback = rest.substring(1, rest.length() - 1);
            }
        }
        String found = context.single(key);
        return found != null ? found : fallback;
    }
}
