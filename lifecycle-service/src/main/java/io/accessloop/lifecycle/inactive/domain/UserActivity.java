package io.accessloop.lifecycle.inactive.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What IAM tells about a user's use of its credentials, plus its tags (exemptions, earlier sweep marks). */
public record UserActivity(String userName, String arn, Instant createdAt, Instant passwordLastUsed,
                           List<KeyActivity> keys, Map<String, String> tags) {

    public UserActivity {
        keys = List.copyOf(keys);
        tags = Map.copyOf(tags);
    }

    /** The latest sign-in or key use, or the creation when never used. */
    public Instant lastActivity() {
        Instant last = createdAt;
        if (passwordLastUsed != null && passwordLastUsed.isAfter(last)) {
            last = passwordLastUsed;
        }
        for (KeyActivity key : keys) {
            if (key.lastUsedAt() != null && key.lastUsedAt().isAfter(last)) {
                last = key.lastUsedAt();
            }
        }
        return last;
    }
}
