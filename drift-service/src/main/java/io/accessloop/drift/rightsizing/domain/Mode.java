package io.accessloop.drift.rightsizing.domain;

import java.util.Locale;
import java.util.Optional;

/** How far Accessloop may go for a principal. */
public enum Mode {
    /** Proposals are shown only; nobody applies them through Accessloop. */
    RECOMMEND,
    /** A security engineer approves, then applies. */
    APPROVAL,
    /** The daily run approves and applies proven proposals itself. */
    AUTOMATIC;

    public static Optional<Mode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Mode.valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
