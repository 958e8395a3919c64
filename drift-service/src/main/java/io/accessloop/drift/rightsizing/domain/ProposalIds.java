package io.accessloop.drift.rightsizing.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** {@code prp_} ids that sort by creation time (list pages are ordered by id). */
public final class ProposalIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("prp_[0-9a-f]{22}");

    private ProposalIds() {
    }

    public static String next(Instant now) {
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        return "prp_" + String.format("%012x", now.toEpochMilli()) + HexFormat.of().formatHex(random);
    }

    /** Whether {@code id} has the shape {@link #next} gives (list cursors are proposal ids). */
    public static boolean isWellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
