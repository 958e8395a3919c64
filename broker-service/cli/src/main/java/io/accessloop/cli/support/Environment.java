package io.accessloop.cli.support;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI reads from the machine it runs on: environment variables, the home folder, the clock and a way to
 * wait. Tests build their own.
 */
public record Environment(Map<String, String> variables, Path home, Clock clock, Sleeper sleeper) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC(),
                Sleeper.REAL);
    }

    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
