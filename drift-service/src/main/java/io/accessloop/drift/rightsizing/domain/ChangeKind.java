package io.accessloop.drift.rightsizing.domain;

/** One IAM write of a proposal. */
public enum ChangeKind {
    /** PutRolePolicy / PutUserPolicy with a smaller document under the same name. */
    REPLACE_INLINE,
    /** Delete an inline policy that keeps nothing. */
    DELETE_INLINE,
    /** Add an inline policy (the replacement of a detached managed policy). */
    ADD_INLINE,
    /** Detach a managed policy from this principal only; the policy itself is never edited. */
    DETACH_MANAGED,
    /** Remove the user from a group (the {@code policy} field names it); the group stays as is for its other members. */
    LEAVE_GROUP
}
