package io.accessloop.drift.ingest.domain;

import java.util.List;

/**
 * One Amazon Data Firehose HTTP endpoint delivery: the request id Firehose keeps across retries, when it sent the
 * delivery (epoch milliseconds), and its records, each an EventBridge event recognised by {@link NotificationParser}.
 */
public record FirehoseDelivery(String requestId, long timestamp, List<Record> records) {

    public FirehoseDelivery {
        records = List.copyOf(records);
    }

    /** One record: what it is, and its text (the base64-decoded data without a trailing newline), stored as is. */
    public record Record(Notification notification, String text) {
    }
}
