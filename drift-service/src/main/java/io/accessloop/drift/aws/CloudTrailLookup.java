package io.accessloop.drift.aws;

import io.accessloop.drift.inventory.domain.TrailLookup;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

import java.time.Instant;
import java.util.Objects;

/** {@link TrailLookup} over CloudTrail LookupEvents (IAM events are recorded in us-east-1), 50 events a page. */
public class CloudTrailLookup implements TrailLookup {

    static final String IAM = "iam.amazonaws.com";

    private final CloudTrailClient client;

    CloudTrailLookup(CloudTrailClient client) {
        this.client = client;
    }

    @Override
    public Page iamCalls(Instant from, Instant to, String nextToken) {
        LookupEventsResponse response = client.lookupEvents(r -> r
                .lookupAttributes(LookupAttribute.builder()
                        .attributeKey(LookupAttributeKey.EVENT_SOURCE).attributeValue(IAM).build())
                .startTime(from).endTime(to).maxResults(50).nextToken(nextToken));
        return new Page(response.events().stream().map(Event::cloudTrailEvent).filter(Objects::nonNull).toList(),
                response.nextToken());
    }
}
