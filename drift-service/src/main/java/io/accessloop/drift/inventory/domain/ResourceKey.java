package io.accessloop.drift.inventory.domain;

import java.util.Objects;

/**
 * Names a resource the way CloudTrail request parameters do (type and name, no path), so that a call can be
 * joined to the configuration item it caused.
 */
public record ResourceKey(ResourceType type, String name) {

    public ResourceKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    public static ResourceKey of(IamSnapshot snapshot) {
        return new ResourceKey(snapshot.type(), snapshot.name());
    }

    @Override
    public String toString() {
        return type + ":" + name;
    }
}
