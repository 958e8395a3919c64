package io.accessloop.iam.eval;

/** Which role a policy plays in an evaluation. */
public enum PolicyType {
    IDENTITY,
    SESSION,
    PERMISSIONS_BOUNDARY,
    RESOURCE
}
