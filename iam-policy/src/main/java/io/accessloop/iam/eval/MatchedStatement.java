package io.accessloop.iam.eval;

import io.accessloop.iam.policy.Effect;

/** A statement that applied to a request: which policy, which statement (by index and Sid), which effect. */
public record MatchedStatement(PolicyType policyType, String policyName, int statementIndex, String sid,
        Effect effect) {

    /** e.g. {@code identity policy s3-read, statement #2 (Sid ReadReports): Allow}. */
    public String describe() {
        return policyType.name().toLowerCase().replace('_', ' ') + " policy " + policyName + ", statement #"
                + (statementIndex + 1) + (sid == null || sid.isEmpty() ? "" : " (Sid " + sid + ")") + ": "
                + effect.jsonName();
    }
}
