package io.accessloop.portal.clients.lifecycle;

/** Ledger search criteria (blank means any); times are ISO-8601 UTC instants. */
public record AuditFilter(String identity, String grantId, String principalArn, String kind, String from, String to) {
}
