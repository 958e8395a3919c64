package io.accessloop.drift.inventory.domain;

import java.util.List;
import java.util.Optional;

/** Port to the AWS Config API for the IAM resource types. */
public interface ConfigHistory {

    /** Ids of the resources of a type Config currently knows (ListDiscoveredResources, deleted ones left out). */
    List<String> discovered(ResourceType type);

    /** Current configuration items of those resources (BatchGetResourceConfig), as snapshots. */
    List<IamSnapshot> current(ResourceType type, List<String> resourceIds);

    /** The latest item in a resource's history (GetResourceConfigHistory), also for a deleted resource. */
    Optional<IamSnapshot> latest(ResourceType type, String resourceId);

    /** Config is not recording in this account or region; callers fall back to IAM. */
    class ConfigUnavailableException extends RuntimeException {
        public ConfigUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
