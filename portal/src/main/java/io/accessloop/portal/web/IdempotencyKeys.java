package io.accessloop.portal.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Keys sent as {@code Idempotency-Key}: each form carries a fresh one, so a double click or a resent form creates
 * one object only.
 */
public final class IdempotencyKeys {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private IdempotencyKeys() {
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }

    /** The form's key, or a fresh one when the form had none or a malformed one. */
    public static String orFresh(String fromForm) {
        return fromForm != null && SHAPE.matcher(fromForm).matches() ? fromForm : fresh();
    }
}
