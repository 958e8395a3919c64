package io.accessloop.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap in use right after a full collection, per service of the local run: {@code jcmd <pid> GC.run}, then
 * {@code jcmd <pid> GC.heap_info}. Services are found by the jar their JVM runs (read-only look at the process table).
 */
final class HeapProbe {

    /** Each service of the local run and what only its JVM's command line holds (tests start sandboxes elsewhere). */
    static final String SANDBOX = "aws-sandbox";
    static final Map<String, List<String>> SERVICES = new LinkedHashMap<>();

    static {
        for (String name : new String[] {"broker-service", "drift-service", "lifecycle-service", "portal"}) {
            SERVICES.put(name, List.of(name + "/target/quarkus-app/quarkus-run.jar"));
        }
        SERVICES.put(SANDBOX, List.of("aws-sandbox/target/quarkus-app/quarkus-run.jar", "-Dquarkus.http.port=4566"));
    }

    private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private HeapProbe() {
    }

    static Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        ProcessHandle.allProcesses().forEach(p -> {
            String line = p.info().commandLine().orElse("");
            SERVICES.forEach((name, marks) -> {
                if (marks.stream().allMatch(line::contains) && !pids.containsKey(name)) {
                    pids.put(name, p.pid());
                }
            });
        });
        return pids;
    }

    /** Bytes of heap in use after a full GC, or empty when the JVM could not be asked. */
    static Optional<Long> afterGc(long pid) {
        try {
            Matcher m = USED.matcher(jcmd(pid));
            return m.find() ? Optional.of(Long.parseLong(m.group(2)) * 1024) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Both commands in one jcmd process ({@code -f}): one JVM start per sample instead of two. */
    private static String jcmd(long pid) throws IOException, InterruptedException {
        Path commands = Files.createTempFile("soak-jcmd", ".txt");
        try {
            Files.writeString(commands, "GC.run\nGC.heap_info\n");
            Process process = new ProcessBuilder("jcmd", Long.toString(pid), "-f", commands.toString())
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("jcmd " + pid + " -f GC.run, GC.heap_info failed: " + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(commands);
        }
    }
}
