package io.accessloop.cli;

import io.accessloop.cli.support.Environment;

/** {@code java -jar accessloop-cli.jar <command> [options]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new Cli(Environment.system(), System.out, System.err).run(args));
    }
}
