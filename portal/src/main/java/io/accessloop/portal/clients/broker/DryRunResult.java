package io.accessloop.portal.clients.broker;

import java.util.List;

/** What the rules would decide: {@code outcome} is {@code automatic}, {@code needs-approval} or {@code refused}. */
public record DryRunResult(String requester, String entitlement, String outcome, AccessRequest.Rule rule,
                           long durationSeconds, List<String> errors) {

    public boolean automatic() {
        return "automatic".equals(outcome);
    }

    public boolean refused() {
        return "refused".equals(outcome);
    }
}
