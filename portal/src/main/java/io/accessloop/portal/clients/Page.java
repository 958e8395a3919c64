package io.accessloop.portal.clients;

import java.util.List;

/** A list answer of any service: {@code {"items": [...], "nextCursor": ...}}. */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = items == null ? List.of() : items;
    }
}
