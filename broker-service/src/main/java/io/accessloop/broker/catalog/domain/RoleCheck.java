package io.accessloop.broker.catalog.domain;

import io.accessloop.iam.eval.RequestContext;
import io.accessloop.iam.eval.TrustEvaluator;
import io.accessloop.iam.policy.MalformedPolicyException;
import io.accessloop.iam.policy.PolicyParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags entitlements whose role cannot serve them: missing role, a trust policy that does not let the broker
 * assume it with a source identity and session tags, or a maximum session shorter than the entitlement allows.
 */
public final class RoleCheck {

    private RoleCheck() {
    }

    public static List<String> check(Entitlement entitlement, Optional<RoleFacts> facts, String brokerArn) {
        String where = entitlement.sourceFile() + ": " + entitlement.name() + ": ";
        List<String> warnings = new ArrayList<>();
        if (facts.isEmpty()) {
            warnings.add(where + "role " + entitlement.roleArn() + " does not exist");
            return warnings;
        }
        try {
            RequestContext context = entitlement.externalId()
                    .map(id -> RequestContext.builder().put("sts:ExternalId", id).build())
                    .orElse(RequestContext.empty());
            Set<String> missing = TrustEvaluator.missingBrokerActions(PolicyParser.parse(facts.get().trustPolicy()),
                    entitlement.roleArn(), brokerArn, context);
            if (!missing.isEmpty()) {
                warnings.add(where + "the trust policy of " + entitlement.roleArn() + " does not allow "
                        + String.join(", ", missing) + " for " + brokerArn
                        + entitlement.externalId().map(id -> " with the entitlement's externalId").orElse(""));
            }
        } catch (MalformedPolicyException e) {
            warnings.add(where + "the trust policy of " + entitlement.roleArn() + " cannot be read: " + e.iamMessage());
        }
        long max = facts.get().maxSessionSeconds();
        if (max < entitlement.maxDuration().toSeconds() && max < 43_200) {
            warnings.add(where + "the role's maximum session (" + max + " s) is shorter than maxDuration ("
                    + entitlement.maxDuration().toSeconds() + " s): credentials will need refreshing within a grant");
        }
        return warnings;
    }
}
