package io.accessloop.sandbox.auth;

/** A request whose signature or credentials were refused. */
public final class AuthenticationException extends RuntimeException {

    private final AuthFailure failure;
    private final Caller caller;

    public AuthenticationException(AuthFailure failure) {
        this(failure, null);
    }

    /** A refusal where the signer is known (an expired session): the call is still recorded in CloudTrail. */
    public AuthenticationException(AuthFailure failure, Caller caller) {
        super(failure.message(), null, false, false);
        this.failure = failure;
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    public AuthFailure failure() {
        return failure;
    }
}
