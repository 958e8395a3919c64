package io.accessloop.iam.catalog;

import io.accessloop.iam.eval.Wildcards;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every IAM action of the AWS Service Authorization Reference (generated into {@code actions.tsv} by
 * {@code scripts/generate-action-catalog.mjs}), with its service and access level, and the mapping from a
 * CloudTrail event to the actions it needs.
 */
public final class ActionCatalog {

    /** Version suffixes some services add to event names: {@code ListFunctions20150331}, {@code ...20150331v2}. */
    private static final Pattern VERSION_SUFFIX = Pattern.compile("\\d{8}(v\\d+)?$");
    private static final String AMAZONAWS = ".amazonaws.com";

    private static volatile CatalogData data;

    private ActionCatalog() {
    }

    private static CatalogData data() {
        CatalogData loaded = data;
        if (loaded == null) {
            synchronized (ActionCatalog.class) {
                if (data == null) {
                    data = CatalogData.load();
                }
                loaded = data;
            }
        }
        return loaded;
    }

    /**
     * The IAM actions a CloudTrail event needed, spelled as AWS does ({@code s3.amazonaws.com} +
     * {@code ListObjectsV2} → {@code s3:ListBucket}). Empty when the event needs no IAM permission (console
     * sign-in) or names no action the catalog knows: callers must treat such events as unexplained, not allowed.
     */
    public static Set<String> actionsFor(String eventSource, String eventName) {
        if (eventSource == null || eventName == null || eventName.isBlank()) {
            return Set.of();
        }
        String prefix = servicePrefixForEventSource(eventSource);
        String name = VERSION_SUFFIX.matcher(eventName.trim()).replaceFirst("");
        Set<String> mismatch = CloudTrailMismatches.lookup(prefix, name);
        if (mismatch != null) {
            return mismatch;
        }
        return lookup(prefix + ":" + name).map(info -> Set.of(info.action())).orElse(Set.of());
    }

    /** The IAM service prefix of a CloudTrail event source ({@code monitoring.amazonaws.com} → {@code cloudwatch}). */
    public static String servicePrefixForEventSource(String eventSource) {
        String host = eventSource.trim().toLowerCase(Locale.ROOT);
        if (host.endsWith(AMAZONAWS)) {
            host = host.substring(0, host.length() - AMAZONAWS.length());
        }
        return CloudTrailMismatches.SOURCE_TO_PREFIX.getOrDefault(host, host);
    }

    /** The service prefix of an action, lower-cased ({@code S3:GetObject} → {@code s3}); "*" for {@code *}. */
    public static String serviceOf(String action) {
        int colon = action.indexOf(':');
        if (colon < 0) {
            if (action.equals("*")) {
                return "*";
            }
            throw new IllegalArgumentException("not an IAM action (no service prefix): " + action);
        }
        return action.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** The catalog entry for an action, matched case-insensitively. */
    public static Optional<ActionInfo> lookup(String action) {
        int colon = action.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        Map<String, ActionInfo> actions = data().actionsByService.get(action.substring(0, colon).toLowerCase(Locale.ROOT));
        if (actions == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(actions.get(action.substring(colon + 1).toLowerCase(Locale.ROOT)));
    }

    public static boolean isKnown(String action) {
        return lookup(action).isPresent();
    }

    /**
     * The known actions an action pattern matches, spelled as AWS does: {@code s3:Get*} → {@code s3:GetObject},
     * ...; {@code *} → every action. Unknown services expand to nothing.
     */
    public static Set<String> expand(String pattern) {
        Set<String> matched = new TreeSet<>();
        if (pattern.equals("*")) {
            data().actionsByService.values().forEach(actions -> actions.values().forEach(a -> matched.add(a.action())));
            return Collections.unmodifiableSet(matched);
        }
        int colon = pattern.indexOf(':');
        if (colon <= 0) {
            return Set.of();
        }
        String servicePattern = pattern.substring(0, colon);
        for (Map.Entry<String, Map<String, ActionInfo>> service : data().actionsByService.entrySet()) {
            if (!Wildcards.matchesAction(servicePattern, service.getKey())) {
                continue;
            }
            for (ActionInfo info : service.getValue().values()) {
                if (Wildcards.matchesAction(pattern, info.action())) {
                    matched.add(info.action());
                }
            }
        }
        return Collections.unmodifiableSet(matched);
    }

    /** All actions of a service, spelled as AWS does. */
    public static Set<String> actionsOf(String service) {
        Map<String, ActionInfo> actions = data().actionsByService.get(service.toLowerCase(Locale.ROOT));
        if (actions == null) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>();
        actions.values().forEach(a -> names.add(a.action()));
        return Collections.unmodifiableSet(names);
    }

    /** Every service prefix in the catalog. */
    public static Set<String> services() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(data().actionsByService.keySet()));
    }

    /** The service's full name ({@code s3} → {@code Amazon S3}), if known. */
    public static Optional<String> serviceName(String service) {
        return Optional.ofNullable(data().serviceNames.get(service.toLowerCase(Locale.ROOT)));
    }

    /** Number of actions in the catalog. */
    public static int size() {
        return data().actionsByService.values().stream().mapToInt(Map::size).sum();
    }
}
