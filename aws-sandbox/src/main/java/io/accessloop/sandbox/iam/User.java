package io.accessloop.sandbox.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** An IAM user; mutated only under the {@link IamStore} write lock. */
public final class User extends IamIdentity {
    String permissionsBoundaryArn;
    final Map<String, String> tags = new LinkedHashMap<>();
    final Set<String> groups = new LinkedHashSet<>();
    LoginProfile loginProfile;
    volatile Instant passwordLastUsed;

    User(String name, String path, String id, String arn, Instant createDate) {
        super(name, path, id, arn, createDate);
    }

    public Map<String, String> tags() {
        return tags;
    }

    public Set<String> groups() {
        return groups;
    }

    public String permissionsBoundaryArn() {
        return permissionsBoundaryArn;
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
