package io.accessloop.iam.policy;

import java.util.Collection;

/**
 * IAM's policy size quotas. IAM counts characters excluding whitespace; inline quotas apply to the sum of all
 * inline policies of one user, role or group.
 */
public final class PolicySizeLimits {

    /** The quota that applies to a place a policy is stored or passed. */
    public enum Limit {
        INLINE_USER(2048),
        INLINE_ROLE(10240),
        INLINE_GROUP(5120),
        MANAGED(6144),
        /** Inline session policy passed to AssumeRole and friends. */
        SESSION(2048),
        /** Default role trust policy quota (raisable to 8192 by a quota increase). */
        TRUST(2048);

        private final int maxCharacters;

        Limit(int maxCharacters) {
            this.maxCharacters = maxCharacters;
        }

        public int maxCharacters() {
            return maxCharacters;
        }
    }

    private PolicySizeLimits() {
    }

    /** Characters IAM counts against the quota: every character that is not whitespace. */
    public static int countedCharacters(String policyJson) {
        int count = 0;
        for (int i = 0; i < policyJson.length(); i++) {
            if (!Character.isWhitespace(policyJson.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    public static boolean fits(String policyJson, Limit limit) {
        return countedCharacters(policyJson) <= limit.maxCharacters();
    }

    /** For inline quotas: whether all the inline policies of one principal fit together. */
    public static boolean fitsTogether(Collection<String> policyJsons, Limit limit) {
        long total = 0;
        for (String json : policyJsons) {
            total += countedCharacters(json);
        }
        return total <= limit.maxCharacters();
    }

    /** Throws {@link MalformedPolicyException} with reason {@code POLICY_TOO_LARGE} when the policy does not fit. */
    public static void check(String policyJson, Limit limit) {
        int counted = countedCharacters(policyJson);
        if (counted > limit.maxCharacters()) {
            throw new MalformedPolicyException(MalformedPolicyException.Reason.POLICY_TOO_LARGE,
                    "Cannot exceed quota for PolicySize: " + limit.maxCharacters() + " (policy has " + counted
                            + " non-whitespace characters)");
        }
    }
}
