package io.accessloop.broker.request.domain;

import io.accessloop.broker.catalog.domain.Entitlement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a person asks for, checked against the entitlement before anything is stored: eligibility, reason,
 * duration within the entitlement's bounds, ticket reference, and break-glass permission.
 */
public record RequestDraft(String requester, Set<String> requesterGroups, Entitlement entitlement, String reason,
                           Duration duration, String ticket, boolean breakGlass) {

    public static final int MIN_REASON = 3;
    public static final int MAX_REASON = 1000;
    public static final int MIN_BREAK_GLASS_REASON = 10;
    public static final Duration MIN_DURATION = Duration.ofMinutes(15);

    public RequestDraft {
        requesterGroups = Set.copyOf(requesterGroups);
    }

    /** The duration asked for, or the entitlement's default. */
    public Duration effectiveDuration() {
        return duration != null ? duration : entitlement.defaultDuration();
    }

    /** Every reason the rules refuse this draft; empty when it may be submitted. */
    public List<String> violations() {
        List<String> errors = new ArrayList<>();
        if (!entitlement.isEligible(requesterGroups)) {
            errors.add("entitlement: you are not in a group eligible for " + entitlement.name()
                    + " (" + String.join(", ", entitlement.eligibleGroups()) + ")");
        }
        String trimmed = reason == null ? "" : reason.strip();
        int minReason = breakGlass ? MIN_BREAK_GLASS_REASON : MIN_REASON;
        if (trimmed.length() < minReason) {
            errors.add("reason: a reason of at least " + minReason + " characters is required"
                    + (breakGlass ? " for break-glass access" : ""));
        }
        if (trimmed.length() > MAX_REASON) {
            errors.add("reason: at most " + MAX_REASON + " characters");
        }
        Duration d = effectiveDuration();
        if (d.compareTo(MIN_DURATION) < 0) {
            errors.add("durationSeconds: at least " + MIN_DURATION.toSeconds() + " seconds");
        }
        if (d.compareTo(entitlement.maxDuration()) > 0) {
            errors.add("durationSeconds: at most " + entitlement.maxDuration().toSeconds() + " seconds for "
                    + entitlement.name());
        }
        entitlement.ticket().check(ticket).ifPresent(message -> errors.add("ticket: " + message));
        if (breakGlass && !entitlement.breakGlass()) {
            errors.add("breakGlass: " + entitlement.name() + " does not allow break-glass access");
        }
        return errors;
    }
}
