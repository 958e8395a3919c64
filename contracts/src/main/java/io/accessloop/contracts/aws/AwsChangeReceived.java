package io.accessloop.contracts.aws;

import java.time.Instant;

/**
 * A raw AWS Config or CloudTrail notification was stored for processing.
 * <p>CloudEvents type {@code io.accessloop.aws.change.received.v1}.
 *
 * @param rawEventId id of the stored raw event
 * @param kind config or cloudtrail
 * @param accountId AWS account
 * @param receivedAt when
 */
public record AwsChangeReceived(
        String rawEventId,
        String kind,
        String accountId,
        Instant receivedAt) {
}
