package io.accessloop.cli;

/** A failure the user can act on: its message goes to stderr (never a secret) and its code becomes the exit code. */
public class CliException extends RuntimeException {

    private final ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
