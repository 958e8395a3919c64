package io.accessloop.sandbox.iam;

import io.accessloop.sandbox.core.AwsError;

import java.util.Map;

/** Tag keys are case-insensitive in IAM: a new value replaces the old key's spelling. */
final class TagSupport {

    private TagSupport() {
    }

    static void merge(Map<String, String> target, Map<String, String> tags) {
        Map<String, String> after = new java.util.LinkedHashMap<>(target);
        tags.forEach((k, v) -> {
            remove(after, k);
            after.put(k, v);
        });
        if (after.size() > 50) {
            throw AwsError.limitExceeded("Cannot exceed quota for TagsPerEntity: 50.");
        }
        target.clear();
        target.putAll(after);
    }

    static void remove(Map<String, String> target, String key) {
        target.keySet().removeIf(existing -> existing.equalsIgnoreCase(key));
    }
}
