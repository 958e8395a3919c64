package io.accessloop.sandbox.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** An IAM role; mutated only under the {@link IamStore} write lock. */
public final class Role {
    final String name;
    final String path;
    final String id;
    final String arn;
    final Instant createDate;
    String trustPolicy;
    String description;
    int maxSessionDuration;
    String permissionsBoundaryArn;
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, String> inlinePolicies = new LinkedHashMap<>();
    final Set<String> attachedPolicyArns = new LinkedHashSet<>();
    volatile Instant lastUsed;
    volatile String lastUsedRegion;

    Role(String name, String path, String id, String arn, Instant createDate) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.createDate = createDate;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public String id() {
        return id;
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

    public Map<String, String> inlinePolicies() {
        return inlinePolicies;
    }

    public Set<String> attachedPolicyArns() {
        return attachedPolicyArns;
    }

    public String permissionsBoundaryArn() {
        return permissionsBoundaryArn;
    }

    public Instant createDate() {
        return createDate;
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
