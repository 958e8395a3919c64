package io.accessloop.cli;

/** The process exit codes, one per kind of outcome, so that scripts can tell them apart. */
public enum ExitCode {
    OK(0),
    FAILURE(1),
    USAGE(2),
    NOT_LOGGED_IN(3),
    REFUSED(4),
    DENIED(5),
    STILL_PENDING(6),
    LOGIN_FAILED(7),
    UNAVAILABLE(8);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
