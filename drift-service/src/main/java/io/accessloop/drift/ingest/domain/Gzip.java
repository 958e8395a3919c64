package io.accessloop.drift.ingest.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Decompresses a gzip request body, never past a limit (a few KiB of gzip can expand to gigabytes). */
public final class Gzip {

    private Gzip() {
    }

    /**
     * The decompressed body; {@link DeliveryTooLargeException} as soon as it would exceed {@code limit} bytes,
     * {@link MalformedNotificationException} when the body is not gzip.
     */
    public static byte[] inflate(byte[] compressed, int limit) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, compressed.length * 4 + 64));
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > limit) {
                    throw new DeliveryTooLargeException("the decompressed body exceeds " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException | java.io.EOFException e) {
            throw new MalformedNotificationException("Content-Encoding is gzip but the body is not gzip: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new MalformedNotificationException("the gzip body cannot be read: " + e.getMessage());
        }
    }
}
