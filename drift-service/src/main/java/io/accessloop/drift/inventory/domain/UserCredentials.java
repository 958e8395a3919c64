package io.accessloop.drift.inventory.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user's long-lived credentials as IAM's credential report shows them (AWS Config does not record keys or
 * passwords). Times are null where the report says {@code N/A} or {@code no_information}.
 */
public record UserCredentials(String user, String arn, String accountId, Instant createdAt, boolean passwordEnabled,
                              Instant passwordLastUsed, boolean mfaActive, List<AccessKeySlot> keys) {

    public UserCredentials {
        Objects.requireNonNull(arn, "arn");
        keys = List.copyOf(keys);
    }

    /** One of the two access key slots of a user. */
    public record AccessKeySlot(int slot, boolean active, Instant lastRotated, Instant lastUsed) {
    }

    public List<AccessKeySlot> activeKeys() {
        return keys.stream().filter(AccessKeySlot::active).toList();
    }
}
