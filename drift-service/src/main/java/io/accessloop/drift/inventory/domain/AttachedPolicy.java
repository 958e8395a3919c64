package io.accessloop.drift.inventory.domain;

import java.util.Objects;

/** A managed policy attached to a user, group or role. */
public record AttachedPolicy(String name, String arn) {

    public AttachedPolicy {
        Objects.requireNonNull(arn, "arn");
    }

    /** AWS-managed policies live in the {@code aws} account. */
    public boolean awsManaged() {
        return arn.contains(":iam::aws:policy/");
    }
}
