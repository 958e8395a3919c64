package io.accessloop.portal.clients.lifecycle;

import java.time.Instant;
import java.util.List;

/** A person's timeline: what HR says about them now (null if never mentioned) and the ledger entries about them. */
public record Timeline(Person identity, List<AuditEntry> items, String nextCursor) {

    /** The person as HR last described them. */
    public record Person(String email, String employeeId, String team, String status, Instant updatedAt) {
    }

    public Timeline {
        items = items == null ? List.of() : items;
    }
}
