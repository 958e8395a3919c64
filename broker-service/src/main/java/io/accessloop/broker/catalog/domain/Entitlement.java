package io.accessloop.broker.catalog.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the catalog: a role in an account that eligible people may ask for, for how long, under which
 * approval rule, narrowed by an optional session policy. {@code externalId} is passed to AssumeRole when the role's
 * trust policy asks for one (typical for roles in accounts run by someone else).
 */
public record Entitlement(String name, String description, String accountId, String roleArn,
                          Duration defaultDuration, Duration maxDuration, List<String> eligibleGroups,
                          ApprovalRule approval, Optional<String> sessionPolicy, boolean breakGlass,
                          TicketRule ticket, Optional<String> externalId, String sourceFile) {

    public Entitlement {
        eligibleGroups = List.copyOf(eligibleGroups);
    }

    /** An entitlement without an external id. */
    public Entitlement(String name, String description, String accountId, String roleArn, Duration defaultDuration,
                       Duration maxDuration, List<String> eligibleGroups, ApprovalRule approval,
                       Optional<String> sessionPolicy, boolean breakGlass, TicketRule ticket, String sourceFile) {
        this(name, description, accountId, roleArn, defaultDuration, maxDuration, eligibleGroups, approval,
                sessionPolicy, breakGlass, ticket, Optional.empty(), sourceFile);
    }

    public boolean isEligible(Set<String> groups) {
        return eligibleGroups.stream().anyMatch(groups::contains);
    }

    /** The role's name: the last path segment of its ARN. */
    public String roleName() {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }
}
