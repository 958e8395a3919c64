package io.accessloop.broker.catalog.rest;

import io.accessloop.broker.catalog.domain.ApprovalRule;
import io.accessloop.broker.catalog.domain.Entitlement;

import java.util.List;

/** An entitlement as the API shows it, with what the caller may do with it. */
public record EntitlementView(String name, String description, String accountId, String roleArn,
                              long defaultDurationSeconds, long maxDurationSeconds, List<String> eligibleGroups,
                              Approval approval, boolean breakGlass, boolean sessionPolicy, Ticket ticket,
                              boolean eligible, boolean canApprove) {

    /** The approval rule in plain fields. */
    public record Approval(boolean automatic, int required, List<String> approverGroups,
                           List<String> automaticForGroups, String automaticDuring) {
    }

    /** The ticket requirement. */
    public record Ticket(boolean required, String pattern) {
    }

    static EntitlementView of(Entitlement e, java.util.Set<String> callerGroups) {
        ApprovalRule rule = e.approval();
        return new EntitlementView(e.name(), e.description(), e.accountId(), e.roleArn(),
                e.defaultDuration().toSeconds(), e.maxDuration().toSeconds(), e.eligibleGroups(),
                new Approval(rule.automatic(), rule.required(), rule.approverGroups(), rule.automaticForGroups(),
                        rule.automaticDuring().map(Object::toString).orElse(null)),
                e.breakGlass(), e.sessionPolicy().isPresent(),
                new Ticket(e.ticket().required(), e.ticket().pattern().map(java.util.regex.Pattern::pattern).orElse(null)),
                e.isEligible(callerGroups), rule.isApprover(callerGroups));
    }
}
