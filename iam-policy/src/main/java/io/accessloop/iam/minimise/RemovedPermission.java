package io.accessloop.iam.minimise;

import java.util.List;
import java.util.Set;

/**
 * What minimisation took away from one action element of a current Allow statement: the current statement
 * granted {@code action} (a pattern, or {@code NotAction:[...]}) on {@code resources}; only {@code keptActions}
 * remain. {@code keptActions} is empty when nothing of it was used.
 */
public record RemovedPermission(int statementIndex, String sid, String action, List<String> resources,
        Set<String> keptActions) {

    public RemovedPermission {
        resources = List.copyOf(resources);
        keptActions = Set.copyOf(keptActions);
    }

    public boolean fullyRemoved() {
        return keptActions.isEmpty();
    }
}
