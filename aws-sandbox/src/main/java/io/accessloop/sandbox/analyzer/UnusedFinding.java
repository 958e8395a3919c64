package io.accessloop.sandbox.analyzer;

import io.accessloop.sandbox.core.Doc;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One piece of unused access as computed now: its type ({@code UnusedIAMRole}, {@code UnusedIAMUserAccessKey},
 * {@code UnusedIAMUserPassword}, {@code UnusedPermission}), the IAM resource it is about and its details (one
 * member of the {@code FindingDetails} union).
 *
 * @param key what distinguishes findings of one type on one resource (the service or the access key id)
 */
public record UnusedFinding(String findingType, String resource, String resourceType, String key, Doc details) {

    /** Stable across evaluations, so a finding keeps its id while it stays (or comes back). */
    String idFor(String analyzerArn) {
        String seed = analyzerArn + '|' + findingType + '|' + resource + '|' + (key == null ? "" : key);
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
