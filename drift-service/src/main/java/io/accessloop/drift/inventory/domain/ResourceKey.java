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

    /** The key {@link #toString()} wrote ({@code TYPE:name}). */
    public static ResourceKey parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not a resource key: " + text);
        }
        return new ResourceKey(ResourceType.valueOf(text.substring(0, colon)), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return type + ":" + name;
    }
}
