package io.accessloop.drift.rightsizing.domain;

import java.time.Instant;
import java.util.List;

/** Port: CloudTrail's event history (LookupEvents), newest first, paged. */
public interface CloudTrailHistory {

    /** One recorded event: its id, time and the full record as JSON. */
    record HistoryEvent(String eventId, Instant eventTime, String recordJson) {
    }

    /** One page; {@code nextToken} is null on the last page. */
    record HistoryPage(List<HistoryEvent> events, String nextToken) {
    }

    HistoryPage lookup(Instant start, Instant end, String nextToken);
}
