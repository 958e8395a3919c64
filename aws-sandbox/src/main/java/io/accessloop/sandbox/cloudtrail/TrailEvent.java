package io.accessloop.sandbox.cloudtrail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One recorded call: the CloudTrail record as JSON plus the fields LookupEvents filters on.
 *
 * @param sequence ever-increasing position, used for paging
 * @param json     the record in CloudTrail's shape, serialised once (also written to the log files)
 */
public record TrailEvent(long sequence, String eventId, String eventName, String eventSource, Instant eventTime,
                         boolean readOnly, String username, String accessKeyId, String region,
                         List<Map<String, String>> resources, String json) {
}
