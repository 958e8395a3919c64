package io.accessloop.portal.clients.lifecycle;

/** A ledger export as the lifecycle service produced it, passed through to the browser unchanged. */
public record LedgerExport(String mediaType, String fileName, String body) {
}
