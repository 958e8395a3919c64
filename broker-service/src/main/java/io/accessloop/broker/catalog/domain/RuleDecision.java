package io.accessloop.broker.catalog.domain;

import java.util.List;

/** The outcome of an approval rule for one requester at one instant, with the clause of the rule that decided it. */
public record RuleDecision(boolean automatic, int requiredApprovals, List<String> approverGroups, String explanation) {

    public RuleDecision {
        approverGroups = List.copyOf(approverGroups);
    }

    static RuleDecision automatic(List<String> approverGroups, String explanation) {
        return new RuleDecision(true, 0, approverGroups, explanation);
    }

    static RuleDecision approvals(int required, List<String> approverGroups, String explanation) {
        return new RuleDecision(false, required, approverGroups, explanation);
    }
}
