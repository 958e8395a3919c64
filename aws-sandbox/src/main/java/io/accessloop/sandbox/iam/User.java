package io.accessloop.sandbox.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** An IAM user; mutated only under the {@link IamStore} write lock. */
public final class User {
    final String name;
    final String path;
    final String id;
    final String arn;
    final Instant createDate;
    String permissionsBoundaryArn;
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, String> inlinePolicies = new LinkedHashMap<>();
    final Set<String> attachedPolicyArns = new LinkedHashSet<>();
    final Set<String> groups = new LinkedHashSet<>();
    LoginProfile loginProfile;
    volatile Instant passwordLastUsed;

    User(String name, String path, String id, String arn, Instant createDate) {
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

    public Map<String, String> tags() {
        return tags;
    }

    public Map<String, String> inlinePolicies() {
        return inlinePolicies;
    }

    public Set<String> attachedPolicyArns() {
        return attachedPolicyArns;
    }

    public Set<String> groups() {
        return groups;
    }

    public String permissionsBoundaryArn() {
        return permissionsBoundaryArn;
    }

    public Instant createDate() {
        return createDate;
    }

    /** When the console password was created, or null when the user has none. */
    public Instant passwordCreated() {
        LoginProfile profile = loginProfile;
        return profile == null ? null : profile.createDate();
    }

    public Instant passwordLastUsed() {
        return passwordLastUsed;
    }

    /** A console password; only its dates are kept, never the password. */
    record LoginProfile(Instant createDate, boolean passwordResetRequired) {
    }
}
