package io.accessloop.portal.access;

import io.accessloop.portal.web.BadInput;

/** The extend form's two fields, checked before the broker is asked. */
final class ExtensionForm {

    /** The broker's own limit for one extension (12 hours). */
    static final long MAX_MINUTES = 720;

    private ExtensionForm() {
    }

    static long minutes(String value) {
        try {
            long minutes = Long.parseLong(value == null ? "" : value.trim());
            if (minutes >= 1 && minutes <= MAX_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException ignored) {
            // explained below
        }
        throw new BadInput("Extend by 1 to " + MAX_MINUTES + " minutes.");
    }

    static String reason(String value) {
        if (value == null || value.isBlank() || value.length() > 1000) {
            throw new BadInput("Say why you need more time (at most 1000 characters).");
        }
        return value.trim();
    }
}
