package io.accessloop.drift.inventory.domain;

import java.util.Objects;

/** An inline policy of a user, group or role, with its decoded JSON document. */
public record InlinePolicy(String name, String document) {

    public InlinePolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
