package io.accessloop.iam.eval;

/**
 * How a resource-based policy's principal element names the caller. Ordered weakest first: a grant to the
 * account only delegates to the account's identity policies; a grant to a role is limited by the session's
 * boundary and session policies; a direct grant (user ARN, session ARN, service) stands on its own.
 */
enum PrincipalMatch {
    NONE,
    ACCOUNT,
    ROLE,
    DIRECT;

    PrincipalMatch strongest(PrincipalMatch other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
