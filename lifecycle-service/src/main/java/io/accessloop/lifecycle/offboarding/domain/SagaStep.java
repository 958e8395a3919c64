package io.accessloop.lifecycle.offboarding.domain;

/** The steps of an offboarding case in order; each is idempotent, so running one twice after a crash is harmless. */
public enum SagaStep {
    /** Command the broker to revoke every grant and live session of the person (and cancel pending requests). */
    REVOKE_ACCESS,
    /** Strip and remove (or tag) the person's IAM users: keys, login profile, groups, policies, MFA. */
    CLEAN_IAM_USERS,
    /** Flag roles and workloads the person owns (tag {@code accessloop:owner}) for hand-over. */
    FLAG_OWNED_ROLES,
    /** Scan for anything still referencing the person; must find nothing. */
    VERIFY,
    /** Publish the person as offboarded and write the closure report. */
    CLOSE,
    /** Nothing left to do. */
    DONE;

    public SagaStep next() {
        return this == DONE ? DONE : values()[ordinal() + 1];
    }
}
