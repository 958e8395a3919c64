package io.accessloop.broker.catalog.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** Whether a request must carry a ticket reference, and the pattern a reference must match. */
public record TicketRule(boolean required, Optional<Pattern> pattern) {

    public static final TicketRule NONE = new TicketRule(false, Optional.empty());

    /** The reason a ticket value is refused, or empty when it is acceptable. */
    public Optional<String> check(String ticket) {
        boolean blank = ticket == null || ticket.isBlank();
        if (blank) {
            return required ? Optional.of("a ticket reference is required for this entitlement") : Optional.empty();
        }
        if (pattern.isPresent() && !pattern.get().matcher(ticket).matches()) {
            return Optional.of("the ticket reference must match " + pattern.get().pattern());
        }
        return Optional.empty();
    }
}
