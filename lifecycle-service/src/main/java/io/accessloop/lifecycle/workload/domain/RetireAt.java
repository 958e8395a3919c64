package io.accessloop.lifecycle.workload.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The {@code accessloop:retire-at} tag: a role carrying it is retired once the time it names has passed. The value
 * is an ISO-8601 date-time with {@code Z} or an offset (e.g. {@code 2026-12-31T18:00:00Z}); anything else is
 * unreadable and never retires anything.
 */
public final class RetireAt {

    public static final String TAG = "accessloop:retire-at";

    private RetireAt() {
    }

    /** The instant a tag value names; empty when the value is not an ISO-8601 date-time with an offset. */
    public static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank() || value.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.trim()).toInstant());
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
