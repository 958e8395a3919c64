package io.accessloop.sandbox.auth;

/** A request whose signature or credentials were refused. */
public final class AuthenticationException extends RuntimeException {

    private final AuthFailure failure;

    public AuthenticationException(AuthFailure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    public AuthFailure failure() {
        return failure;
    }
}
