package io.accessloop.drift.rightsizing.usage;

import java.time.LocalDate;

/** One row of compact usage: principal × action × resource (empty when unknown) × UTC day. */
public record UsageKey(String principalArn, String action, String resource, LocalDate day) {

    public static final String ANY_RESOURCE = "";
}
