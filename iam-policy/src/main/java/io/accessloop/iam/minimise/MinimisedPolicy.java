package io.accessloop.iam.minimise;

import io.accessloop.iam.policy.PolicyDocument;
import java.util.List;
import java.util.Set;

/**
 * A proposed, smaller policy with its evidence: what was removed, which unused permissions were kept on purpose
 * ({@code iam:PassRole}, exemptions), and which used permissions the current policy does not grant (they cannot
 * be kept without widening access and are left out). {@code subsetOfCurrent} and {@code allowsAllUsed} are the
 * proof, checked by {@link PolicyComparator} and the evaluator.
 */
public record MinimisedPolicy(
        PolicyDocument proposed,
        List<RemovedPermission> removed,
        Set<String> exemptionsKept,
        Set<UsedPermission> notGrantedByCurrent,
        boolean subsetOfCurrent,
        boolean allowsAllUsed) {

    public MinimisedPolicy {
        removed = List.copyOf(removed);
        exemptionsKept = Set.copyOf(exemptionsKept);
        notGrantedByCurrent = Set.copyOf(notGrantedByCurrent);
    }

    /** Both halves of the proof hold: nothing new is granted and every observed call stays allowed. */
    public boolean proven() {
        return subsetOfCurrent && allowsAllUsed;
    }

    /** Nothing is left to allow: the policy can be detached rather than replaced (IAM stores no empty policy). */
    public boolean grantsNothing() {
        return proposed.statements().stream().noneMatch(s -> s.isAllow());
    }

    /** Whether anything was actually removed. */
    public boolean changesAnything() {
        return !removed.isEmpty();
    }
}
