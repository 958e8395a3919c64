package io.accessloop.broker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A writable copy of the test catalog ({@code src/test/resources/catalog}) for the service under test, so that tests
 * can add broken files and watch the catalog refuse them.
 */
public class CatalogDirResource implements QuarkusTestResourceLifecycleManager {

    private static Path dir;

    @Override
    public Map<String, String> start() {
        return Map.of("accessloop.broker.catalog-dir", dir().toString());
    }

    @Override
    public void stop() {
        // the copy lives for the whole test JVM
    }

    public static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("broker-catalog");
                try (Stream<Path> files = Files.list(Path.of("src/test/resources/catalog"))) {
                    for (Path file : files.toList()) {
                        Files.copy(file, dir.resolve(file.getFileName()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }
}
