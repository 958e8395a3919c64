package io.accessloop.sandbox.cloudtrail;

import io.accessloop.sandbox.core.Ids;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;

/**
 * Delivers records as CloudTrail does to S3: gzipped {@code {"Records":[…]}} files under
 * {@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<id>.json.gz},
 * one file per region and day each flush interval.
 */
public final class TrailLogFileWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TrailLogFileWriter.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

    private final Path root;
    private final String accountId;
    private final ConcurrentLinkedQueue<TrailEvent> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService scheduler;

    public TrailLogFileWriter(Path root, String accountId, Duration interval) {
        this.root = root;
        this.accountId = accountId;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloudtrail-log-files");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(100, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    public void accept(TrailEvent event) {
        pending.add(event);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot write CloudTrail log file", e);
        }
    }

    /** Writes everything pending now; returns the files written. */
    public synchronized List<Path> flush() throws IOException {
        Map<String, List<TrailEvent>> byFile = new LinkedHashMap<>();
        TrailEvent e;
        while ((e = pending.poll()) != null) {
            ZonedDateTime t = e.eventTime().atZone(ZoneOffset.UTC);
            String key = e.region() + '|' + t.toLocalDate();
            byFile.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        List<Path> written = new ArrayList<>();
        for (List<TrailEvent> events : byFile.values()) {
            TrailEvent first = events.get(0);
            ZonedDateTime t = first.eventTime().atZone(ZoneOffset.UTC);
            Path dir = root.resolve("AWSLogs").resolve(accountId).resolve("CloudTrail").resolve(first.region())
                    .resolve(String.format("%04d", t.getYear())).resolve(String.format("%02d", t.getMonthValue()))
                    .resolve(String.format("%02d", t.getDayOfMonth()));
            Files.createDirectories(dir);
            Path file = dir.resolve(accountId + "_CloudTrail_" + first.region() + "_" + STAMP.format(t) + "_"
                    + Ids.uniqueId("").substring(0, 16) + ".json.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < events.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(events.get(i).json().getBytes(StandardCharsets.UTF_8));
                }
                out.write("]}".getBytes(StandardCharsets.UTF_8));
            }
            written.add(file);
        }
        return written;
    }

    @Override
    public void close() {
        scheduler.shutdown();
        flushQuietly();
    }
}
