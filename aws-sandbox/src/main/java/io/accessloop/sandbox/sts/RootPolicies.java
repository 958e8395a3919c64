package io.accessloop.sandbox.sts;

import io.accessloop.iam.eval.NamedPolicy;
import io.accessloop.iam.eval.PolicySet;
import io.accessloop.iam.policy.PolicyParser;

/** The account root may do anything in its own account: as an identity policy, {@code Allow * on *}. */
final class RootPolicies {

    static final PolicySet ALL = PolicySet.builder().identity(NamedPolicy.of("account-root", PolicyParser.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")))
            .build();

    private RootPolicies() {
    }
}
