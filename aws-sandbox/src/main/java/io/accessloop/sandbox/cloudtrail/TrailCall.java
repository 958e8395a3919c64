package io.accessloop.sandbox.cloudtrail;

import io.accessloop.sandbox.auth.Caller;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the engine knows about a finished call, to be turned into a CloudTrail record.
 *
 * @param service           the signing name / IAM prefix ({@code iam}, {@code sts}, {@code s3}…)
 * @param resources         {@code ResourceType} → {@code ResourceName} pairs for LookupEvents
 * @param responseElements  null for read-only calls and failures
 */
public record TrailCall(Caller caller, String service, String eventName, Instant time, String region,
                        String sourceIp, String userAgent, Map<String, Object> requestParameters,
                        Map<String, Object> responseElements, String errorCode, String errorMessage,
                        String requestId, boolean readOnly, boolean dataEvent,
                        List<Map<String, String>> resources) {
}
