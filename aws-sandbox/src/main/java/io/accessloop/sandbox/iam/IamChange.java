package io.accessloop.sandbox.iam;

import io.accessloop.sandbox.core.Doc;

import java.time.Instant;

/**
 * One IAM resource after a change: its Config resource type, ids, and its configuration (null when deleted).
 */
public record IamChange(String resourceType, String resourceId, String resourceName, String arn,
                        Instant resourceCreationTime, Doc configuration, java.util.Map<String, String> tags) {

    public boolean deleted() {
        return configuration == null;
    }
}
