package io.accessloop.iam.eval;

/**
 * IAM's wildcard matching: {@code *} matches any run of characters (also none), {@code ?} exactly one. Actions
 * match case-insensitively; ARNs case-sensitively and segment by segment (a wildcard never spans the colons
 * between partition, service, region, account and resource).
 */
public final class Wildcards {

    private Wildcards() {
    }

    /** Whether an action pattern such as {@code s3:Get*} matches an action, ignoring case. */
    public static boolean matchesAction(String pattern, String action) {
        return glob(pattern, null, 0, pattern.length(), action, 0, action.length(), true);
    }

    /** Whether a resource pattern matches a resource ARN (case-sensitive, per ARN segment). */
    public static boolean matchesArn(String pattern, String arn) {
        return matchesArn(pattern, null, arn);
    }

    /** Case-sensitive whole-string match, as {@code StringLike} does. */
    public static boolean matches(String pattern, String value) {
        return glob(pattern, null, 0, pattern.length(), value, 0, value.length(), false);
    }

    /** Whether the text has a wildcard character. */
    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /**
     * Like {@link #matches(String, String)}; characters whose {@code literal} flag is set (those substituted from
     * policy variables such as {@code ${*}}) match only themselves.
     */
    static boolean matches(String pattern, boolean[] literal, String value, boolean ignoreCase) {
        return glob(pattern, literal, 0, pattern.length(), value, 0, value.length(), ignoreCase);
    }

    static boolean matchesArn(String pattern, boolean[] literal, String arn) {
        if (pattern.length() == 1 && pattern.charAt(0) == '*' && (literal == null || !literal[0])) {
            return true;
        }
        int pStart = 0;
        int vStart = 0;
        for (int i = 0; i < 5; i++) {
            int pEnd = pattern.indexOf(':', pStart);
            int vEnd = arn.indexOf(':', vStart);
            if (pEnd < 0 || vEnd < 0) {
                // each of the six components is matched on its own: a pattern or value with fewer cannot match
                return literal == null && pattern.equals(arn);
            }
            if (!glob(pattern, literal, pStart, pEnd, arn, vStart, vEnd, false)) {
                return false;
            }
            pStart = pEnd + 1;
            vStart = vEnd + 1;
        }
        return glob(pattern, literal, pStart, pattern.length(), arn, vStart, arn.length(), false);
    }

    private static boolean glob(String pattern, boolean[] literal, int pStart, int pEnd, String value, int vStart,
            int vEnd, boolean ignoreCase) {
        int p = pStart;
        int v = vStart;
        int starP = -1;
        int starV = 0;
        while (v < vEnd) {
            if (p < pEnd && isWild(pattern, literal, p, '*')) {
                starP = p++;
                starV = v;
            } else if (p < pEnd && (isWild(pattern, literal, p, '?') || same(pattern.charAt(p), value.charAt(v),
                    ignoreCase))) {
                p++;
                v++;
            } else if (starP >= 0) {
                p = starP + 1;
                v = ++starV;
            } else {
                return false;
            }
        }
        while (p < pEnd && isWild(pattern, literal, p, '*')) {
            p++;
        }
        return p == pEnd;
    }

    private static boolean isWild(String pattern, boolean[] literal, int i, char wildcard) {
        return pattern.charAt(i) == wildcard && (literal == null || !literal[i]);
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        return ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
