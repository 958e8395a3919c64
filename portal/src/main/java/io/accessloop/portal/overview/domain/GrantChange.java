package io.accessloop.portal.overview.domain;

import java.time.Instant;

/** A moment the number of active grants changed: {@code +1} when one started, {@code -1} when one ended. */
public record GrantChange(Instant at, int delta) {

    public GrantChange {
        if (at == null) {
            throw new IllegalArgumentException("a grant change needs its time");
        }
        if (delta != 1 && delta != -1) {
            throw new IllegalArgumentException("a grant change is +1 or -1, not " + delta);
        }
    }
}
