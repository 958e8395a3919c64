package io.accessloop.drift.inventory.domain;

import java.time.Instant;

/**
 * Who made a change, as far as CloudTrail tells: the caller, the person behind the session, and whether the caller
 * is Accessloop itself. {@link #unknown()} when no CloudTrail call matched the change (yet).
 */
public record Attribution(String actorArn, String sourceIdentity, String eventName, Instant occurredAt,
                          boolean byAccessloop) {

    public static Attribution unknown() {
        return new Attribution(null, null, null, null, false);
    }

    public static Attribution accessloop(String reason) {
        return new Attribution(null, null, reason, null, true);
    }

    public boolean known() {
        return actorArn != null || byAccessloop;
    }
}
