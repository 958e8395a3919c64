package io.accessloop.cli;

import io.accessloop.cli.support.Environment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** One run of the CLI in this JVM with its stdout and stderr captured; {@link #err()} can be read while it runs. */
public final class Run {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit;

    private Run(Environment env, String... args) {
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        exit = CompletableFuture.supplyAsync(() -> new Cli(env, stdout, stderr).run(args));
    }

    /** Starts the CLI in the background. */
    public static Run start(Environment env, String... args) {
        return new Run(env, args);
    }

    /** Runs the CLI to its end. */
    public static Run of(Environment env, String... args) {
        Run run = new Run(env, args);
        run.exitCode();
        return run;
    }

    public int exitCode() {
        return exit.join();
    }

    public boolean done() {
        return exit.isDone();
    }

    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
