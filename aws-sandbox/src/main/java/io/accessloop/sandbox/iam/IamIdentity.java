package io.accessloop.sandbox.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What users, groups and roles have in common: a name, path, unique id and ARN, a creation date, and identity
 * policies (inline by name, managed by ARN). Mutated only under the {@link IamStore} write lock.
 */
public abstract class IamIdentity {
    final String name;
    final String path;
    final String id;
    final String arn;
    final Instant createDate;
    final Map<String, String> inlinePolicies = new LinkedHashMap<>();
    final Set<String> attachedPolicyArns = new LinkedHashSet<>();

    IamIdentity(String name, String path, String id, String arn, Instant createDate) {
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

    public Instant createDate() {
        return createDate;
    }

    public Map<String, String> inlinePolicies() {
        return inlinePolicies;
    }

    public Set<String> attachedPolicyArns() {
        return attachedPolicyArns;
    }
}
