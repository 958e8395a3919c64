package io.accessloop.cli.support;

import io.accessloop.cli.CliException;
import io.accessloop.cli.ExitCode;

import java.time.Duration;

/** Waits between polls; tests replace it with one that advances a fake clock. */
public interface Sleeper {

    Sleeper REAL = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.FAILURE, "interrupted");
        }
    };

    void sleep(Duration duration);
}
