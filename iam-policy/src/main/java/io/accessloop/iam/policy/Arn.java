package io.accessloop.iam.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * An Amazon Resource Name {@code arn:partition:service:region:account:resource}. Region and account may be empty
 * (S3, IAM); the resource part keeps any further colons or slashes.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public Arn {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(resource, "resource");
        if (partition.isEmpty() || service.isEmpty()) {
            throw new IllegalArgumentException("an ARN needs a partition and a service");
        }
    }

    /** Parses an ARN, throwing {@link IllegalArgumentException} with the reason when the shape is wrong. */
    public static Arn parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            throw new IllegalArgumentException("not an ARN (must start with arn:): " + text);
        }
        String[] parts = new String[6];
        int start = 0;
        for (int i = 0; i < 5; i++) {
            int colon = text.indexOf(':', start);
            if (colon < 0) {
                throw new IllegalArgumentException(
                        "not an ARN (needs arn:partition:service:region:account:resource): " + text);
            }
            parts[i] = text.substring(start, colon);
            start = colon + 1;
        }
        parts[5] = text.substring(start);
        if (parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("not an ARN (empty partition or service): " + text);
        }
        return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    public static Optional<Arn> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /** The resource type before the first {@code /} or {@code :} ({@code role} in {@code role/path/name}), or "". */
    public String resourceType() {
        int cut = firstSeparator();
        return cut < 0 ? "" : resource.substring(0, cut);
    }

    /** The resource after its type ({@code path/name} in {@code role/path/name}), or the whole resource. */
    public String resourceId() {
        int cut = firstSeparator();
        return cut < 0 ? resource : resource.substring(cut + 1);
    }

    /** The last path segment of the resource ({@code name} in {@code role/path/name}). */
    public String resourceName() {
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? resourceId() : resource.substring(slash + 1);
    }

    private int firstSeparator() {
        int slash = resource.indexOf('/');
        int colon = resource.indexOf(':');
        if (slash < 0) {
            return colon;
        }
        return colon < 0 ? slash : Math.min(slash, colon);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
