package io.accessloop.portal.clients;

import java.util.List;

/** Items gathered over several list pages; {@code complete} is false when the portal stopped at its cap. */
public record Collected<T>(List<T> items, boolean complete) {

    public Collected {
        items = List.copyOf(items);
    }
}
