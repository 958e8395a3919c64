package io.accessloop.sandbox.config;

import io.accessloop.sandbox.core.Doc;

import java.time.Instant;
import java.util.Map;

/** One configuration item of an IAM resource; {@code configuration} is null once the resource is deleted. */
public record ConfigItem(String resourceType, String resourceId, String resourceName, String arn,
                         Instant captureTime, String status, long stateId, Instant resourceCreationTime,
                         Map<String, String> tags, Doc configuration) {

    public boolean deleted() {
        return configuration == null;
    }
}
