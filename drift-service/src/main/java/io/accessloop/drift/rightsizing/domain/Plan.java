package io.accessloop.drift.rightsizing.domain;

import java.util.List;

/**
 * A computed proposal before it is stored: the IAM changes, their evidence and proof, or — when there is nothing
 * to propose — why not.
 */
public record Plan(ProposalKind kind, List<PolicyChange> changes, Evidence evidence, Proof proof,
                   Confidence confidence, int removedPermissions, String summary, String nothingToPropose) {

    public Plan {
        changes = List.copyOf(changes);
    }

    public static Plan nothing(String reason, Evidence evidence) {
        return new Plan(ProposalKind.RIGHTSIZE, List.of(), evidence, null, Confidence.LOW, 0, reason, reason);
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }
}
