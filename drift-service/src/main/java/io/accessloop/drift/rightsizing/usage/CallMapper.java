package io.accessloop.drift.rightsizing.usage;

import io.accessloop.iam.catalog.ActionCatalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns CloudTrail records into the IAM actions they exercised, through the iam-policy catalog
 * ({@code ListObjectsV2} → {@code s3:ListBucket}, version suffixes stripped). The lookup is cached per
 * (event source, event name): a trail has few distinct pairs. Not thread-safe: one per reading thread.
 */
public final class CallMapper {

    private final Map<String, Map<String, String[]>> cache = new HashMap<>();

    /**
     * Emits one {@link ObservedCall} per action of the record; counts records without a principal or with an
     * event the catalog cannot explain. The resource is kept only when the event maps to exactly one action.
     */
    public void map(TrailRecord record, ReadStats stats, Consumer<ObservedCall> out) {
        if (record.principalArn() == null) {
            stats.noPrincipal();
            return;
        }
        String[] actions = actions(record.eventSource(), record.eventName());
        if (actions.length == 0) {
            stats.unknownService();
            return;
        }
        String resource = actions.length == 1 ? record.resourceArn() : null;
        boolean denied = record.accessDenied();
        for (String action : actions) {
            out.accept(new ObservedCall(record.principalArn(), action, resource, record.eventTime(), denied,
                    record.eventId()));
        }
        stats.mapped();
    }

    private String[] actions(String source, String name) {
        return cache.computeIfAbsent(source, s -> new HashMap<>())
                .computeIfAbsent(name, n -> {
                    Set<String> found = ActionCatalog.actionsFor(source, n);
                    return found.toArray(new String[0]);
                });
    }
}
