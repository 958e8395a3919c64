package io.accessloop.lifecycle.inactive.domain;

import java.time.Instant;

/** One access key: whether it is active, when it was made and last used (null: never). */
public record KeyActivity(String keyId, boolean active, Instant createdAt, Instant lastUsedAt) {
}
