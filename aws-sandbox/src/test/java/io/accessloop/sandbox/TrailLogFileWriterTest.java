package io.accessloop.sandbox;

import io.accessloop.sandbox.auth.Caller;
import io.accessloop.sandbox.cloudtrail.TrailCall;
import io.accessloop.sandbox.cloudtrail.TrailLog;
import io.accessloop.sandbox.cloudtrail.TrailLogFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class TrailLogFileWriterTest {

    @Test
    void writesGzippedRecordsInTheS3Layout(@TempDir Path dir) throws IOException {
        TrailLog log = new TrailLog("000000000000", 100);
        try (TrailLogFileWriter writer = new TrailLogFileWriter(dir, "000000000000", Duration.ofHours(1))) {
            log.sink(writer::accept);
            Caller root = Caller.root("000000000000", "test");
            Instant time = Instant.parse("2026-03-05T10:15:30Z");
            for (String name : List.of("CreateRole", "DeleteRole")) {
                log.record(new TrailCall(root, "iam", name, time, "us-east-1", "127.0.0.1", "test", Map.of(), null,
                        null, null, "req", false, false, List.of()));
            }
            List<Path> files = writer.flush();
            assertThat(files).hasSize(1);
            Path file = files.get(0);
            assertThat(dir.relativize(file.getParent()).toString().replace('\\', '/'))
                    .isEqualTo("AWSLogs/000000000000/CloudTrail/us-east-1/2026/03/05");
            assertThat(file.getFileName().toString())
                    .matches("000000000000_CloudTrail_us-east-1_20260305T1015Z_[A-Z0-9]{16}\\.json\\.gz");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(json).startsWith("{\"Records\":[").contains("\"eventName\":\"CreateRole\"")
                        .contains("\"eventName\":\"DeleteRole\"");
            }
            assertThat(writer.flush()).isEmpty();
        }
    }
}
