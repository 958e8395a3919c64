package io.accessloop.portal.clients.lifecycle;

import io.accessloop.portal.clients.Collected;
import io.accessloop.portal.clients.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the portal asks of lifecycle-service, always as the signed-in person. */
@ApplicationScoped
public class LifecycleClient {

    static final int PAGE_SIZE = 50;
    /** lifecycle-service's largest ledger page. */
    static final int MAX_PAGE = 500;
    static final int MAX_ENTRIES = 5000;

    private final LifecycleApi api;

    LifecycleClient(@RestClient LifecycleApi api) {
        this.api = api;
    }

    public Page<AuditEntry> audit(AuditFilter f, String cursor) {
        return api.audit(n(f.identity()), n(f.grantId()), n(f.principalArn()), n(f.kind()), n(f.from()), n(f.to()),
                PAGE_SIZE, n(cursor));
    }

    /** Every ledger entry of one kind in {@code [from, to]} (up to {@value #MAX_ENTRIES}), following cursors. */
    public Collected<AuditEntry> ledger(String kind, Instant from, Instant to) {
        List<AuditEntry> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<AuditEntry> page = api.audit(null, null, null, kind, from.toString(), to.toString(), MAX_PAGE,
                    cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < MAX_ENTRIES);
        return new Collected<>(all, cursor == null);
    }

    public List<Orphan> orphans(String status) {
        return api.orphans(n(status)).items();
    }

    public Verification verify() {
        return api.verify();
    }

    public Timeline timeline(String email, String cursor) {
        return api.timeline(email, PAGE_SIZE, n(cursor));
    }

    public OffboardingCase offboardingCase(String id) {
        return api.offboardingCase(id);
    }

    public OffboardingCase startOffboarding(String idempotencyKey, OffboardingBodies body) {
        return api.startOffboarding(idempotencyKey, body);
    }

    /** The export in {@code csv} or {@code jsonl}, read whole (the service builds it in memory as well). */
    public LedgerExport export(String format, AuditFilter f) {
        String chosen = "csv".equals(format) ? "csv" : "jsonl";
        try (Response response = api.export(chosen, n(f.identity()), n(f.grantId()), n(f.principalArn()),
                n(f.kind()), n(f.from()), n(f.to()))) {
            String type = response.getMediaType() == null ? "application/octet-stream"
                    : response.getMediaType().toString();
            return new LedgerExport(type, "audit." + chosen, response.readEntity(String.class));
        }
    }

    private static String n(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
