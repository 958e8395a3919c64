package io.accessloop.iam.analysis;

import java.util.Set;

/**
 * A broad Allow statement found in a policy: where it is, how broad, which services it opens entirely and whether
 * conditions limit it (a conditional admin grant is still worth a look, but less urgent).
 */
public record BroadStatement(int statementIndex, String sid, Breadth breadth, Set<String> services,
        boolean conditional) {

    public BroadStatement {
        services = Set.copyOf(services);
    }
}
