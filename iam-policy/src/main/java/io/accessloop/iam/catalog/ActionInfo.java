package io.accessloop.iam.catalog;

import java.util.Set;

/**
 * One IAM action: its service prefix ({@code s3}), its name as AWS spells it ({@code GetObject}) and its access
 * levels (a few actions have two, e.g. permissions management and write).
 */
public record ActionInfo(String service, String name, Set<AccessLevel> accessLevels) {

    public ActionInfo {
        accessLevels = Set.copyOf(accessLevels);
    }

    /** {@code s3:GetObject}. */
    public String action() {
        return service + ":" + name;
    }

    /** Whether the action can change permissions (the riskiest level). */
    public boolean isPermissionsManagement() {
        return accessLevels.contains(AccessLevel.PERMISSIONS_MANAGEMENT);
    }

    /** Read or list only: cannot change anything. */
    public boolean isReadOnly() {
        return !accessLevels.contains(AccessLevel.WRITE) && !accessLevels.contains(AccessLevel.PERMISSIONS_MANAGEMENT)
                && !accessLevels.contains(AccessLevel.TAGGING);
    }
}
