package io.accessloop.drift.ingest.service;

import io.accessloop.drift.ingest.domain.Notification;
import io.accessloop.drift.inventory.domain.ApiCall;
import io.accessloop.drift.inventory.domain.CloudTrailCallReader;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.ResourceKey;
import io.accessloop.drift.inventory.domain.ResourceType;
import io.accessloop.drift.inventory.service.ResourceLock;

import java.util.Optional;

/**
 * A stored notification read and understood once, before its transaction: the resource it is about decides where it
 * is processed, and processing reuses the parsed form instead of parsing the body again.
 *
 * @param snapshot for a configuration item: the state it carries (empty when the item is not about IAM)
 * @param call for a CloudTrail event: the IAM write call it records (empty for other calls)
 * @param unreadable why a stored body could not be understood; processing fails with it (and is retried)
 */
public record StoredChange(String rawEventId, Status status, Notification notification,
                           Optional<IamSnapshot> snapshot, Optional<ApiCall> call, RuntimeException unreadable) {

    /** {@code READY} to process; {@code MISSING} and {@code PROCESSED} leave nothing to do. */
    public enum Status { READY, MISSING, PROCESSED, UNREADABLE }

    public static StoredChange missing(String rawEventId) {
        return new StoredChange(rawEventId, Status.MISSING, null, Optional.empty(), Optional.empty(), null);
    }

    public static StoredChange processed(String rawEventId) {
        return new StoredChange(rawEventId, Status.PROCESSED, null, Optional.empty(), Optional.empty(), null);
    }

    public static StoredChange unreadable(String rawEventId, RuntimeException why) {
        return new StoredChange(rawEventId, Status.UNREADABLE, null, Optional.empty(), Optional.empty(), why);
    }

    /** Maps the notification to the snapshot or call it carries; a mapping failure makes the change unreadable. */
    public static StoredChange of(String rawEventId, Notification notification) {
        try {
            if (notification instanceof Notification.ConfigItemChange change) {
                // the parser mapped the item while checking it
                return new StoredChange(rawEventId, Status.READY, notification, Optional.of(change.snapshot()),
                        Optional.empty(), null);
            }
            if (notification instanceof Notification.ApiCallRecorded recorded) {
                return new StoredChange(rawEventId, Status.READY, notification, Optional.empty(),
                        CloudTrailCallReader.read(recorded.detail(), recorded.accountId()), null);
            }
            return new StoredChange(rawEventId, Status.READY, notification, Optional.empty(), Optional.empty(), null);
        } catch (RuntimeException e) {
            return unreadable(rawEventId, e);
        }
    }

    /**
     * What orders this change among others: the resource's lock name for a configuration item or a call on a named
     * resource (so a change and the call that caused it share it), the resource id for an oversized item (its name
     * is known only after the fetch), otherwise the raw event itself.
     */
    public String orderingKey() {
        if (snapshot.isPresent()) {
            return ResourceLock.lockName(snapshot.get().accountId(),
                    ResourceKey.of(snapshot.get()));
        }
        if (call.isPresent() && call.get().target() != null) {
            return ResourceLock.lockName(call.get().accountId(), call.get().target());
        }
        if (notification instanceof Notification.OversizedConfigItemChange oversized) {
            return oversized.accountId() + "|" + ResourceType.fromConfigType(oversized.resourceType())
                    .map(Enum::name).orElse(oversized.resourceType()) + "#" + oversized.resourceId();
        }
        return rawEventId;
    }
}
