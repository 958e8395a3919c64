package io.accessloop.iam.eval;

/** The outcome of evaluating a request. */
public enum Decision {
    ALLOWED,
    /** A Deny statement matched: nothing else can allow the request. */
    EXPLICIT_DENY,
    /** No statement allowed the request (or a boundary or session policy did not). */
    IMPLICIT_DENY;

    public boolean isAllowed() {
        return this == ALLOWED;
    }
}
