package io.accessloop.drift.rightsizing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How far the evidence can be trusted: how much of the window the usage data covers, and from which sources. */
public enum Confidence {
    LOW,
    MEDIUM,
    HIGH;

    /** HIGH: CloudTrail covers the whole window; MEDIUM: half of it, or only Access Advisor; else LOW. */
    public static Confidence of(Instant coveredFrom, Instant windowStart, Instant now, boolean cloudTrail,
                                boolean advisor) {
        if (!cloudTrail) {
            return advisor ? MEDIUM : LOW;
        }
        if (coveredFrom == null) {
            return advisor ? MEDIUM : LOW;
        }
        if (!coveredFrom.isAfter(windowStart)) {
            return HIGH;
        }
        long window = Duration.between(windowStart, now).toSeconds();
        long covered = Duration.between(coveredFrom, now).toSeconds();
        return covered * 2 >= window || advisor ? MEDIUM : LOW;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
