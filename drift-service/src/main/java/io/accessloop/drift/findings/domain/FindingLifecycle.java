package io.accessloop.drift.findings.domain;

import java.time.Duration;
import java.time.Instant;

/** The finding state machine's guards: which named command may run from which state, with which input. */
public final class FindingLifecycle {

    public static final int MAX_REASON_LENGTH = 2000;

    private FindingLifecycle() {
    }

    /** Suppress: only a live finding, with a reason and an end that lies in the future (at most {@code max} away). */
    public static void checkSuppression(FindingStatus status, String reason, Instant until, Instant now, Duration max) {
        if (reason == null || reason.isBlank()) {
            throw new FindingCommandException("invalid", "reason is required");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new FindingCommandException("invalid", "reason must be at most " + MAX_REASON_LENGTH + " characters");
        }
        if (until == null) {
            throw new FindingCommandException("invalid", "until is required");
        }
        if (!until.isAfter(now)) {
            throw new FindingCommandException("invalid", "until must lie in the future");
        }
        if (until.isAfter(now.plus(max))) {
            throw new FindingCommandException("invalid", "until must be at most " + max.toDays() + " days away");
        }
        if (!status.live()) {
            throw new FindingCommandException("conflict", "a resolved finding cannot be suppressed");
        }
    }

    /** A suppressed finding whose suppression has run out goes back to OPEN. */
    public static boolean suppressionExpired(FindingStatus status, Instant until, Instant now) {
        return status == FindingStatus.SUPPRESSED && until != null && !until.isAfter(now);
    }

    /** A command refused by the state machine; {@code kind} is {@code invalid} or {@code conflict}. */
    public static final class FindingCommandException extends RuntimeException {
        private final String kind;

        public FindingCommandException(String kind, String message) {
            super(message);
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }
}
