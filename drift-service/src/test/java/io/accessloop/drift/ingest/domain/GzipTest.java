package io.accessloop.drift.ingest.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GzipTest {

    @Test
    void aBodyWithinTheLimitIsDecompressedExactly() throws IOException {
        byte[] body = "{\"records\":[]}".repeat(1000).getBytes(StandardCharsets.UTF_8);
        assertThat(Gzip.inflate(gzip(body), body.length)).isEqualTo(body);
    }

    @Test
    void decompressionStopsAtTheLimitHoweverSmallTheCompressedBody() throws IOException {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(100 * 1024);
        assertThatThrownBy(() -> Gzip.inflate(bomb, 1024 * 1024)).isInstanceOf(DeliveryTooLargeException.class)
                .hasMessageContaining("1048576 bytes");
    }

    @Test
    void aBodyThatIsNotGzipIsMalformed() throws IOException {
        assertThatThrownBy(() -> Gzip.inflate("{}".getBytes(StandardCharsets.UTF_8), 100))
                .isInstanceOf(MalformedNotificationException.class).hasMessageContaining("not gzip");
        byte[] truncated = gzip("{\"a\":1}".repeat(100).getBytes(StandardCharsets.UTF_8));
        byte[] half = java.util.Arrays.copyOf(truncated, truncated.length / 2);
        assertThatThrownBy(() -> Gzip.inflate(half, 10_000)).isInstanceOf(MalformedNotificationException.class);
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.toByteArray();
    }
}
