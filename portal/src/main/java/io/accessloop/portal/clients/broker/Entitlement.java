package io.accessloop.portal.clients.broker;

import java.util.List;
import java.util.Locale;

/** An entitlement from the broker's catalog, with what the signed-in person may do with it. */
public record Entitlement(String name, String description, String accountId, String roleArn,
                          long defaultDurationSeconds, long maxDurationSeconds, List<String> eligibleGroups,
                          Approval approval, boolean breakGlass, boolean sessionPolicy, Ticket ticket,
                          boolean eligible, boolean canApprove) {

    /** The approval rule. */
    public record Approval(boolean automatic, int required, List<String> approverGroups,
                           List<String> automaticForGroups, String automaticDuring) {
    }

    /** Whether a ticket reference is required, and its pattern. */
    public record Ticket(boolean required, String pattern) {
    }

    /** Case-insensitive match of a search text against name and description. */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        return name.toLowerCase(Locale.ROOT).contains(q)
                || (description != null && description.toLowerCase(Locale.ROOT).contains(q));
    }

    public long defaultMinutes() {
        return defaultDurationSeconds / 60;
    }

    public long maxMinutes() {
        return maxDurationSeconds / 60;
    }

    public boolean ticketRequired() {
        return ticket != null && ticket.required();
    }
}
