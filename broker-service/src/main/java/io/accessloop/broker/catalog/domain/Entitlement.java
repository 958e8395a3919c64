package io.accessloop.broker.catalog.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the catalog: a role in an account that eligible people may ask for, for how long, under which
 * approval rule, narrowed by an optional session policy.
 */
public record Entitlement(String name, String description, String accountId, String roleArn,
                          Duration defaultDuration, Duration maxDuration, List<String> eligibleGroups,
                          ApprovalRule approval, Optional<String> sessionPolicy, boolean breakGlass,
                          TicketRule ticket, String sourceFile) {

    public Entitlement {
        eligibleGroups = List.copyOf(eligibleGroups);
    }

    public boolean isEligible(Set<String> groups) {
        return eligibleGroups.stream().anyMatch(groups::contains);
    }

    /** The role's name: the last path segment of its ARN. */
    public String roleName() {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }
}
