package io.accessloop.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A one-line description of the machine the figures come from. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores (%s), %s, Java %s (%s), max heap %d MiB",
                runtime.availableProcessors(), cpuModel(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.maxMemory() >> 20);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
