package io.accessloop.broker.messaging;

/** A command that can never be applied (redelivering it cannot help): it is recorded as handled and rejected. */
final class InvalidCommand extends RuntimeException {

    InvalidCommand(String message) {
        super(message, null, false, false);
    }

    static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field + " is missing or blank");
        }
        return value;
    }
}
