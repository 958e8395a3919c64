package io.accessloop.lifecycle.orphan.domain;

import java.util.Optional;
import java.util.function.Function;

/**
 * A role is an orphan when nobody answers for it: no owner tag, an owner HR never mentioned, or an owner who left.
 * AWS service-linked roles are AWS's own and never orphans.
 */
public final class OrphanRules {

    private OrphanRules() {
    }

    public static Optional<OrphanVerdict> assess(OwnedPrincipal p, Function<String, OwnerStatus> ownerStatus) {
        if (p.path() != null && p.path().startsWith("/aws-service-role/")) {
            return Optional.empty();
        }
        String retire = p.workload() == null ? "delete the role" : "retire workload " + p.workload();
        if (p.owner() == null || p.owner().isBlank()) {
            return Optional.of(new OrphanVerdict(OrphanVerdict.OWNER_UNKNOWN, "no owner: the role has no accessloop:owner tag",
                    "tag an owner (accessloop:owner=<e-mail>) or " + retire));
        }
        return switch (ownerStatus.apply(p.owner())) {
            case GONE -> Optional.of(new OrphanVerdict(OrphanVerdict.OWNER_OFFBOARDED, "owner " + p.owner() + " left the company",
                    "hand over to a new owner (change accessloop:owner) or " + retire));
            case UNKNOWN -> Optional.of(new OrphanVerdict(OrphanVerdict.OWNER_UNKNOWN, "owner " + p.owner() + " is unknown to HR",
                    "confirm the owner with HR, hand over, or " + retire));
            case PRESENT -> Optional.empty();
        };
    }
}
