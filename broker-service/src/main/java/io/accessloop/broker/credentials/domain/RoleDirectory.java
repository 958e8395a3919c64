package io.accessloop.broker.credentials.domain;

/** What the broker needs to know about a role from IAM. */
public interface RoleDirectory {

    /** The role's MaxSessionDuration in seconds. */
    long maxSessionSeconds(String roleArn);
}
