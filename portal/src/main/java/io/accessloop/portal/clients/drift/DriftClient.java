package io.accessloop.portal.clients.drift;

import io.accessloop.portal.clients.Collected;
import io.accessloop.portal.clients.Page;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the portal asks of drift-service, always as the signed-in person. */
@ApplicationScoped
public class DriftClient {

    static final int PAGE_SIZE = 50;
    /** drift-service's largest page. */
    static final int MAX_PAGE = 200;
    static final int MAX_OPEN = 5000;

    private final DriftApi api;

    DriftClient(@RestClient DriftApi api) {
        this.api = api;
    }

    public Page<Finding> findings(FindingFilter filter) {
        return api.findings(blankToNull(filter.status()), blankToNull(filter.severity()), blankToNull(filter.rule()),
                blankToNull(filter.principalArn()), blankToNull(filter.sort()), PAGE_SIZE,
                blankToNull(filter.cursor()));
    }

    /** Every open finding (up to {@value #MAX_OPEN} of them), for counting. */
    public Collected<Finding> openFindings() {
        List<Finding> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Finding> page = api.findings("OPEN", null, null, null, null, MAX_PAGE, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < MAX_OPEN);
        return new Collected<>(all, cursor == null);
    }

    public Finding finding(String id) {
        return api.finding(id);
    }

    public Finding suppress(String id, String idempotencyKey, String reason, Instant until) {
        return api.suppress(id, idempotencyKey, new DriftApi.Suppress(reason, until));
    }

    public Page<ProposalSummary> proposals(ProposalFilter filter) {
        return api.proposals(blankToNull(filter.status()), blankToNull(filter.principal()), PAGE_SIZE,
                blankToNull(filter.cursor()));
    }

    public Proposal proposal(String id) {
        return api.proposal(id);
    }

    public Proposal approve(String id) {
        return api.approve(id);
    }

    public Proposal reject(String id, String reason) {
        return api.reject(id, new DriftApi.Reason(blankToNull(reason)));
    }

    public Proposal apply(String id) {
        return api.apply(id);
    }

    public Proposal rollBack(String id, String reason) {
        return api.rollBack(id, new DriftApi.Reason(blankToNull(reason)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
