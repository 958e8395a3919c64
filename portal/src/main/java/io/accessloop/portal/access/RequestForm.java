package io.accessloop.portal.access;

import io.accessloop.portal.clients.broker.BrokerBodies;
import io.accessloop.portal.clients.broker.Entitlement;
import io.accessloop.portal.web.BadInput;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed into the request form, checked before anything goes to the broker: a reason, a duration in
 * whole minutes within the entitlement's maximum, and a ticket when the entitlement wants one.
 */
public record RequestForm(String reason, String minutes, String ticket) {

    static final int MAX_REASON = 1000;
    static final int MAX_TICKET = 100;

    /** Problems with the input, one sentence each; empty when the form may be sent. */
    public List<String> problems(Entitlement entitlement) {
        List<String> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add("Say why you need this access.");
        } else if (reason.length() > MAX_REASON) {
            problems.add("Keep the reason under " + MAX_REASON + " characters.");
        }
        Long duration = durationMinutesOrNull();
        if (duration == null) {
            problems.add("The duration must be a whole number of minutes.");
        } else if (duration < 1 || duration > entitlement.maxMinutes()) {
            problems.add("The duration must be between 1 and " + entitlement.maxMinutes() + " minutes.");
        }
        if (ticket != null && ticket.length() > MAX_TICKET) {
            problems.add("Keep the ticket reference under " + MAX_TICKET + " characters.");
        }
        if (entitlement.ticketRequired() && (ticket == null || ticket.isBlank())) {
            problems.add("This entitlement needs a ticket reference.");
        }
        return problems;
    }

    public BrokerBodies.Submit toSubmit(Entitlement entitlement) {
        requireValid(entitlement);
        return new BrokerBodies.Submit(entitlement.name(), reason.trim(), durationMinutesOrNull() * 60, ticketOrNull());
    }

    public BrokerBodies.DryRun toDryRun(Entitlement entitlement) {
        requireValid(entitlement);
        return new BrokerBodies.DryRun(entitlement.name(), reason.trim(), durationMinutesOrNull() * 60,
                ticketOrNull(), false, null, null);
    }

    private void requireValid(Entitlement entitlement) {
        List<String> problems = problems(entitlement);
        if (!problems.isEmpty()) {
            throw new BadInput(String.join(" ", problems));
        }
    }

    private Long durationMinutesOrNull() {
        if (minutes == null || minutes.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(minutes.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String ticketOrNull() {
        return ticket == null || ticket.isBlank() ? null : ticket.trim();
    }
}
