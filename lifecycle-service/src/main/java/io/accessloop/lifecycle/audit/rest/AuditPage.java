package io.accessloop.lifecycle.audit.rest;

import java.util.List;

/** A page of ledger entries, newest first; pass {@code nextCursor} back as {@code cursor} for older ones. */
public record AuditPage(List<AuditEntryView> items, String nextCursor) {
}
