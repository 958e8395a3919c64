package io.accessloop.iam.policy;

/** What a policy document is attached to; decides which elements it must and must not have. */
public enum PolicyKind {
    /** Attached to a user, group or role (inline or managed); also permissions boundaries. No Principal. */
    IDENTITY,
    /** Attached to a resource (bucket, key, queue...). Principal required. */
    RESOURCE,
    /** A role's assume-role policy. Principal required, no Resource, only STS actions. */
    TRUST,
    /** Passed to STS when a session is created. No Principal. */
    SESSION
}
