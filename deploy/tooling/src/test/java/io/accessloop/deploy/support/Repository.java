package io.accessloop.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The checkout the tests run in: found by walking up from the working directory to the reactor root. */
public final class Repository {

    /** The modules that ship as containers, each with its own Dockerfiles. */
    public static final List<String> IMAGE_MODULES =
            List.of("broker-service", "drift-service", "lifecycle-service", "portal", "aws-sandbox");

    /** The services that run in every environment (the sandbox runs only locally). */
    public static final List<String> SERVICES = List.of("broker-service", "drift-service", "lifecycle-service", "portal");

    private static final Path ROOT = findRoot();

    private Repository() {
    }

    public static Path root() {
        return ROOT;
    }

    public static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    public static String read(String relative) {
        return read(path(relative));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT.relativize(file.toAbsolutePath()), e);
        }
    }

    /** Every regular file below {@code relative} whose name ends with one of the suffixes. */
    public static List<Path> files(String relative, String... suffixes) {
        try (Stream<Path> walk = Files.walk(path(relative))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/.run/") && !p.toString().contains("/target/"))
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String relative(Path file) {
        return ROOT.relativize(file.toAbsolutePath()).toString();
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no Accessloop checkout above " + Path.of("").toAbsolutePath());
    }
}
