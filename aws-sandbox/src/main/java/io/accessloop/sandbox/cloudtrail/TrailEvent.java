package io.accessloop.sandbox.cloudtrail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One recorded call: the CloudTrail record as JSON plus the fields LookupEvents filters on.
 *
 * @param sequence ever-increasing position, used for paging
 * @param record   the record in CloudTrail's shape (also written to the log files)
 * @param json     {@code record} serialised once
 */
public record TrailEvent(long sequence, String eventId, String eventName, String eventSource, Instant eventTime,
                         boolean readOnly, String username, String accessKeyId, String region,
                         List<Map<String, String>> resources, Map<String, Object> record, String json) {
}
