package io.accessloop.broker.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who must approve a request for an entitlement: nobody (automatic), nobody for on-call people or within business
 * hours, otherwise {@code required} distinct approvers from the {@code approverGroups}.
 */
public record ApprovalRule(boolean automatic, int required, List<String> approverGroups,
                           List<String> automaticForGroups, Optional<BusinessHours> automaticDuring) {

    public ApprovalRule {
        approverGroups = List.copyOf(approverGroups);
        automaticForGroups = List.copyOf(automaticForGroups);
    }

    /** What the rule decides for a requester with these groups at this instant. */
    public RuleDecision decide(Set<String> requesterGroups, Instant now) {
        if (automatic) {
            return RuleDecision.automatic(approverGroups, "approval.automatic: the entitlement needs no approval");
        }
        for (String group : automaticForGroups) {
            if (requesterGroups.contains(group)) {
                return RuleDecision.automatic(approverGroups,
                        "approval.automaticFor.groups: the requester is in group " + group);
            }
        }
        if (automaticDuring.isPresent() && automaticDuring.get().contains(now)) {
            return RuleDecision.automatic(approverGroups,
                    "approval.automaticFor.businessHours: the request falls within " + automaticDuring.get());
        }
        return RuleDecision.approvals(required, approverGroups, "approval.required: " + required
                + " approval(s) from " + String.join(", ", approverGroups));
    }

    /** Whether someone with these groups is one of the entitlement's approvers. */
    public boolean isApprover(Set<String> groups) {
        return approverGroups.stream().anyMatch(groups::contains);
    }
}
