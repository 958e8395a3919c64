package io.accessloop.drift.rightsizing.aws;

import io.accessloop.drift.rightsizing.domain.CloudTrailHistory;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

import java.time.Instant;

/** {@link CloudTrailHistory} over {@code LookupEvents} (50 events a page, the API's maximum). */
@ApplicationScoped
public class CloudTrailLookupHistory implements CloudTrailHistory {

    private final RightsizingAws aws;

    CloudTrailLookupHistory(RightsizingAws aws) {
        this.aws = aws;
    }

    @Override
    public HistoryPage lookup(Instant start, Instant end, String nextToken) {
        LookupEventsResponse response = aws.cloudTrail().lookupEvents(r -> r.startTime(start).endTime(end)
                .maxResults(50).nextToken(nextToken));
        return new HistoryPage(response.events().stream()
                .map(e -> new HistoryEvent(e.eventId(), e.eventTime(), e.cloudTrailEvent())).toList(),
                response.nextToken());
    }
}
