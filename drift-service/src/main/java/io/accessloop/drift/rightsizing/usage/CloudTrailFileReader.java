package io.accessloop.drift.rightsizing.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams CloudTrail log files ({@code {"Records":[…]}}, gzip as CloudTrail delivers them, plain JSON accepted)
 * record by record with Jackson's streaming parser: a file is never held in memory. Bad input never aborts a run:
 * malformed records are skipped one by one, and a truncated or corrupt file keeps the records read before the
 * damage; every skip is counted in {@link ReadStats}.
 */
public final class CloudTrailFileReader {

    private static final int BUFFER = 64 * 1024;

    private final JsonFactory json;

    public CloudTrailFileReader() {
        this(new JsonFactory());
    }

    public CloudTrailFileReader(JsonFactory json) {
        this.json = json;
    }

    /** Reads one file; {@code .gz} files (or any file starting with the gzip magic bytes) are decompressed. */
    public void read(Path file, ReadStats stats, Consumer<TrailRecord> out) {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, stats, out);
        } catch (IOException e) {
            stats.unreadableFile();
        }
    }

    /** Reads one log file's bytes (gzip or plain JSON); never throws for bad content. */
    public void read(InputStream raw, ReadStats stats, Consumer<TrailRecord> out) {
        stats.fileRead();
        try {
            InputStream in = new BufferedInputStream(raw, BUFFER);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                in = new GZIPInputStream(in, BUFFER);
            }
            try (JsonParser p = json.createParser(in)) {
                if (readRecords(p, stats, out) && p.nextToken() != null) {
                    // content after the log's root object: the file is damaged from some point on
                    stats.unreadableFile();
                }
            }
        } catch (EOFException | ZipException e) {
            stats.truncatedFile();
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof EOFException || e.getMessage() != null && e.getMessage().contains("end-of-input")) {
                stats.truncatedFile();
            } else {
                stats.unreadableFile();
            }
        } catch (IOException | RuntimeException e) {
            // a damaged file must not end the run: what was read before the damage is kept
            stats.unreadableFile();
        }
    }

    /**
     * Reads the root object's records; false when the file was counted unreadable already. The caller then reads
     * on to the end of the input: damage to a gzip stream can decompress into JSON whose root object closes early
     * (records after that point silently missing), and only reading to the end makes the gzip stream check its CRC
     * and report the damage.
     */
    private static boolean readRecords(JsonParser p, ReadStats stats, Consumer<TrailRecord> out) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            stats.unreadableFile();
            return false;
        }
        String field;
        boolean found = false;
        while ((field = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            if (!field.equals("Records") || value != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            found = true;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == null) {
                    throw new EOFException("end-of-input inside Records");
                }
                stats.record();
                TrailRecord record = TrailRecordParser.parse(p);
                if (record == null) {
                    stats.malformed();
                } else {
                    out.accept(record);
                }
            }
        }
        if (!found) {
            // valid JSON but not a CloudTrail log file
            stats.unreadableFile();
            return false;
        }
        return true;
    }

    /** Every log file under a directory in CloudTrail's S3 layout ({@code AWSLogs/…/*.json.gz}), in path order. */
    public static List<Path> logFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.endsWith(".json.gz") || name.endsWith(".json");
                    }).toList());
            files.sort(null);
            return files;
        }
    }
}
