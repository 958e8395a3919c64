package io.accessloop.iam.minimise;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Settings of a minimisation.
 *
 * @param neverPrune actions kept whenever the current policy grants them, used or not; {@code iam:PassRole} is
 *     always among them because usage data cannot see it
 * @param exemptActions further actions (or patterns) to keep, e.g. permissions granted more recently than the
 *     observation window
 * @param maxResourcesPerStatement above this many observed resources for one statement, the resources are
 *     summarised by a common-prefix wildcard when that is no wider than the current policy, else the current
 *     policy's resources are kept
 * @param keepObservedResources {@code false} keeps the current policy's resources for every used action
 *     (action-level right-sizing only)
 */
public record MinimiseOptions(Set<String> neverPrune, Set<String> exemptActions, int maxResourcesPerStatement,
        boolean keepObservedResources) {

    public static final String PASS_ROLE = "iam:PassRole";

    public MinimiseOptions {
        Set<String> never = new LinkedHashSet<>(List.of(PASS_ROLE));
        never.addAll(neverPrune);
        neverPrune = Set.copyOf(never);
        exemptActions = Set.copyOf(exemptActions);
        if (maxResourcesPerStatement < 1) {
            throw new IllegalArgumentException("maxResourcesPerStatement must be at least 1");
        }
    }

    public static MinimiseOptions defaults() {
        return new MinimiseOptions(Set.of(), Set.of(), 10, true);
    }

    public MinimiseOptions withExemptActions(Set<String> actions) {
        return new MinimiseOptions(neverPrune, actions, maxResourcesPerStatement, keepObservedResources);
    }

    public MinimiseOptions withMaxResourcesPerStatement(int max) {
        return new MinimiseOptions(neverPrune, exemptActions, max, keepObservedResources);
    }

    public MinimiseOptions withKeepObservedResources(boolean keep) {
        return new MinimiseOptions(neverPrune, exemptActions, maxResourcesPerStatement, keep);
    }
}
