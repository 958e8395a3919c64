package io.accessloop.lifecycle.audit.repository;

import java.time.Instant;

/** What a ledger query narrows on; null members do not filter. Times bound {@code occurred_at} (from inclusive). */
public record LedgerFilter(String identity, String grantId, String principalArn, String kind, Instant from, Instant to) {

    public static LedgerFilter none() {
        return new LedgerFilter(null, null, null, null, null, null);
    }

    public static LedgerFilter identity(String identity) {
        return new LedgerFilter(identity, null, null, null, null, null);
    }
}
