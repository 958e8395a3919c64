package io.accessloop.drift.accessanalyzer.domain;

import java.util.Optional;

/** The unused-access finding types, by their Access Analyzer names. */
public enum UnusedAccessType {
    UNUSED_ROLE("UnusedIAMRole"),
    UNUSED_ACCESS_KEY("UnusedIAMUserAccessKey"),
    UNUSED_PASSWORD("UnusedIAMUserPassword"),
    UNUSED_PERMISSION("UnusedPermission");

    private final String wire;

    UnusedAccessType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The type for Access Analyzer's name; empty for types that are not about unused access. */
    public static Optional<UnusedAccessType> of(String wire) {
        for (UnusedAccessType t : values()) {
            if (t.wire.equals(wire)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
