package io.accessloop.iam.eval;

/**
 * Whether one wildcard pattern matches everything another does ({@code s3:*} covers {@code s3:Get*}). Sound: a
 * {@code true} answer is always right; a {@code *} in the narrower pattern can only be absorbed by a {@code *}
 * in the wider one.
 */
public final class PatternInclusion {

    private PatternInclusion() {
    }

    /** Action patterns, case-insensitive. */
    public static boolean actionCovers(String wider, String narrower) {
        return covers(wider, 0, wider.length(), narrower, 0, narrower.length(), true);
    }

    /** Resource ARN patterns, case-sensitive and segment by segment; {@code *} covers everything. */
    public static boolean arnCovers(String wider, String narrower) {
        if (wider.equals("*")) {
            return true;
        }
        int[] w = colons(wider);
        int[] n = colons(narrower);
        if (w == null || n == null) {
            return wider.equals(narrower);
        }
        int wStart = 0;
        int nStart = 0;
        for (int i = 0; i < 5; i++) {
            if (!covers(wider, wStart, w[i], narrower, nStart, n[i], false)) {
                return false;
            }
            wStart = w[i] + 1;
            nStart = n[i] + 1;
        }
        return covers(wider, wStart, wider.length(), narrower, nStart, narrower.length(), false);
    }

    private static int[] colons(String s) {
        int[] found = new int[5];
        int count = 0;
        for (int i = 0; i < s.length() && count < 5; i++) {
            if (s.charAt(i) == ':') {
                found[count++] = i;
            }
        }
        return count == 5 ? found : null;
    }

    private static boolean covers(String w, int wStart, int wEnd, String n, int nStart, int nEnd, boolean ignoreCase) {
        int wl = wEnd - wStart;
        int nl = nEnd - nStart;
        // reachable[i][j]: w[0..i) can absorb n[0..j)
        boolean[][] reachable = new boolean[wl + 1][nl + 1];
        reachable[0][0] = true;
        for (int i = 0; i <= wl; i++) {
            for (int j = 0; j <= nl; j++) {
                if (!reachable[i][j] || i == wl) {
                    continue;
                }
                char wc = w.charAt(wStart + i);
                if (wc == '*') {
                    reachable[i + 1][j] = true;
                    if (j < nl) {
                        reachable[i][j + 1] = true;
                    }
                } else if (j < nl) {
                    char nc = n.charAt(nStart + j);
                    boolean ok = wc == '?' ? nc != '*' : nc != '*' && nc != '?' && same(wc, nc, ignoreCase);
                    if (ok) {
                        reachable[i + 1][j + 1] = true;
                    }
                }
            }
        }
        return reachable[wl][nl];
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
