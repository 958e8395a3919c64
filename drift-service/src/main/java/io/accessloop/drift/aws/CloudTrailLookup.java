package io.accessloop.drift.aws;

import io.accessloop.drift.inventory.domain.TrailLookup;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

import java.time.Instant;
import java.util.List;

/** {@link TrailLookup} over CloudTrail LookupEvents (IAM events are recorded in us-east-1). */
public class CloudTrailLookup implements TrailLookup {

    private static final int MAX_EVENTS = 150;

    private final CloudTrailClient client;

    CloudTrailLookup(CloudTrailClient client) {
        this.client = client;
    }

    @Override
    public List<String> records(String resourceName, Instant from, Instant to) {
        return client.lookupEventsPaginator(r -> r
                        .lookupAttributes(LookupAttribute.builder()
                                .attributeKey(LookupAttributeKey.RESOURCE_NAME).attributeValue(resourceName).build())
                        .startTime(from).endTime(to).maxResults(50))
                .events().stream()
                .limit(MAX_EVENTS)
                .map(Event::cloudTrailEvent)
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
