package io.accessloop.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command line: the command name, then {@code --name value}, {@code --name=value} or bare {@code --flag}
 * options. Options a command does not know are refused by name rather than ignored.
 */
public final class Args {

    private final String command;
    private final Map<String, String> options;

    private Args(String command, Map<String, String> options) {
        this.command = command;
        this.options = options;
    }

    /** Parses {@code args}; {@code flags} are the options that take no value. */
    public static Args parse(String[] args, Set<String> flags) {
        if (args.length == 0) {
            return new Args("help", Map.of());
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> stray = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                stray.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (flags.contains(name)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new CliException(ExitCode.USAGE, "--" + name + " needs a value");
            }
            if (options.put(name, value) != null) {
                throw new CliException(ExitCode.USAGE, "--" + name + " is given twice");
            }
        }
        if (!stray.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "unexpected argument '" + stray.get(0) + "' (options start with --)");
        }
        return new Args(args[0], options);
    }

    public String command() {
        return command;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(String name) {
        return "true".equals(options.get(name));
    }

    /** Refuses any option outside {@code allowed}. */
    public void allowOnly(Set<String> allowed) {
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new CliException(ExitCode.USAGE, "unknown option --" + name + " for '" + command + "'");
            }
        }
    }
}
