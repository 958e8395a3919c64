package io.accessloop.drift.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.drift.inventory.domain.IamSnapshot;

import java.time.Instant;

/** One AWS change notification, unwrapped from any SNS envelope. */
public sealed interface Notification {

    /** Id AWS gave the notification (EventBridge event id or SNS message id); duplicates share it. */
    String sourceId();

    String accountId();

    /** {@code config} or {@code cloudtrail}, as in {@code AwsChangeReceived.kind}. */
    String kind();

    /** The unwrapped message, stored as the raw event. */
    JsonNode message();

    /**
     * A configuration item delivered inline, with the snapshot {@link NotificationParser} mapped it to while checking
     * it (processing can use it instead of mapping the item again).
     */
    record ConfigItemChange(String sourceId, String accountId, JsonNode message, JsonNode configurationItem,
                            IamSnapshot snapshot) implements Notification {

        @Override
        public String kind() {
            return "config";
        }
    }

    /** An item too large for the notification: only its summary came; the item is fetched from the Config API. */
    record OversizedConfigItemChange(String sourceId, String accountId, JsonNode message, String resourceType,
                                     String resourceId, Instant capturedAt) implements Notification {
        @Override
        public String kind() {
            return "config";
        }
    }

    /** A CloudTrail record ({@code AWS API Call via CloudTrail}). */
    record ApiCallRecorded(String sourceId, String accountId, JsonNode message, JsonNode detail)
            implements Notification {
        @Override
        public String kind() {
            return "cloudtrail";
        }
    }

    /** A valid message drift has no use for (another resource type, a delivery report): acknowledged, not stored. */
    record Ignored(String sourceId, String accountId, JsonNode message, String reason) implements Notification {
        @Override
        public String kind() {
            return "ignored";
        }
    }
}
