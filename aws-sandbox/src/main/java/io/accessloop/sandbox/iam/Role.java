package io.accessloop.sandbox.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An IAM role; mutated only under the {@link IamStore} write lock. */
public final class Role extends IamIdentity {
    String trustPolicy;
    String description;
    int maxSessionDuration;
    String permissionsBoundaryArn;
    final Map<String, String> tags = new LinkedHashMap<>();
    volatile Instant lastUsed;
    volatile String lastUsedRegion;

    Role(String name, String path, String id, String arn, Instant createDate) {
        super(name, path, id, arn, createDate);
    }

    public String trustPolicy() {
        return trustPolicy;
    }

    public int maxSessionDuration() {
        return maxSessionDuration;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public String permissionsBoundaryArn() {
        return permissionsBoundaryArn;
    }

    /** When a session of the role last made a call, or null. */
    public Instant lastUsed() {
        return lastUsed;
    }

    public void markUsed(Instant when, String region) {
        lastUsed = when;
        lastUsedRegion = region;
    }
}
