package io.accessloop.sandbox.iam;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** An IAM group; mutated only under the {@link IamStore} write lock. */
public final class Group extends IamIdentity {
    final Set<String> members = new LinkedHashSet<>();

    Group(String name, String path, String id, String arn, Instant createDate) {
        super(name, path, id, arn, createDate);
    }
}
