package io.accessloop.sandbox.iam;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** An instance profile holding at most one role. */
final class InstanceProfile {
    final String name;
    final String path;
    final String id;
    final String arn;
    final Instant createDate;
    final Set<String> roles = new LinkedHashSet<>();

    InstanceProfile(String name, String path, String id, String arn, Instant createDate) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.createDate = createDate;
    }
}
