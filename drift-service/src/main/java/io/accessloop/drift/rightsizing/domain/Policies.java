package io.accessloop.drift.rightsizing.domain;

import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyParser;

/** Small helpers over iam-policy documents. */
final class Policies {

    private Policies() {
    }

    static PolicyDocument parse(String json) {
        return PolicyParser.parse(json);
    }

    /** Canonical compact JSON, so equal policies compare equal whatever their formatting. */
    static String canonical(String json) {
        return PolicyParser.parse(json).toJson();
    }
}
