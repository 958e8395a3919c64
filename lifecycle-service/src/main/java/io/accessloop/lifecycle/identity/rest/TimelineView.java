package io.accessloop.lifecycle.identity.rest;

import io.accessloop.lifecycle.audit.rest.AuditEntryView;

import java.time.Instant;
import java.util.List;

/**
 * A person's timeline: what HR says about them now, and every ledger entry about them (grants, credentials,
 * HR events, offboarding steps), newest first with paging.
 */
public record TimelineView(Person identity, List<AuditEntryView> items, String nextCursor) {

    /** What is known about the person now; null when HR never mentioned them. */
    public record Person(String email, String employeeId, String team, String status, Instant updatedAt) {
    }
}
