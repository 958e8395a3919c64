package io.accessloop.drift.findings.domain;

import java.util.Locale;

/** How urgent a finding is; the rank sorts them. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public int rank() {
        return ordinal() + 1;
    }

    /** Lower-case name, as in events and the API. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("severity must be one of low, medium, high, critical");
        }
    }
}
