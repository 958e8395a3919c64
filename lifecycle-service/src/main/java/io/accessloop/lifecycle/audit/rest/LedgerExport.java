package io.accessloop.lifecycle.audit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.lifecycle.audit.domain.LedgerEntry;
import io.accessloop.lifecycle.audit.repository.LedgerFilter;
import io.accessloop.lifecycle.audit.repository.LedgerReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Streams matching entries in chain order as JSON Lines or CSV (RFC 4180 quoting). Entries are read page by page
 * with keyset paging ({@code seq > last}) up to the head as it was when the export began, and each page is written
 * and flushed before the next is read: memory holds one page, however long the ledger. Blocking: the stream is
 * written from a worker thread.
 */
@ApplicationScoped
public class LedgerExport {

    private static final int PAGE = 500;
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final String CSV_HEADER = "seq,id,recordedAt,occurredAt,kind,source,subject,identity,grantId,"
            + "principalArn,eventId,data,prevHash,hash\r\n";

    private final LedgerReader reader;
    private final ObjectMapper mapper;

    LedgerExport(LedgerReader reader, ObjectMapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    /** The export as a stream; nothing is read until the response body is written. */
    public StreamingOutput stream(LedgerFilter filter, Format format) {
        return output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            long head = reader.head().await().atMost(PAGE_TIMEOUT).seq();
            if (format == Format.CSV) {
                out.write(CSV_HEADER);
            }
            Long after = null;
            while (true) {
                List<LedgerEntry> entries = reader.page(filter, after, head, PAGE, false).await().atMost(PAGE_TIMEOUT);
                for (LedgerEntry e : entries) {
                    out.write(format == Format.CSV ? csv(e) : jsonLine(e));
                }
                out.flush();
                if (entries.size() < PAGE) {
                    break;
                }
                after = entries.get(entries.size() - 1).seq();
            }
            out.flush();
        };
    }

    private String jsonLine(LedgerEntry e) {
        try {
            return mapper.writeValueAsString(AuditEntryView.of(e)) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String csv(LedgerEntry e) {
        return String.join(",", List.of(String.valueOf(e.seq()), q(e.entryId()), q(e.recordedAt().toString()),
                q(e.occurredAt().toString()), q(e.kind()), q(e.source()), q(e.subject()), q(e.identity()),
                q(e.grantId()), q(e.principalArn()), q(e.eventId()), q(e.content()), q(e.prevHash()), q(e.hash())))
                + "\r\n";
    }

    private static String q(String value) {
        if (value == null) {
            return "";
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** Export formats. */
    public enum Format {
        JSONL("application/x-ndjson", "jsonl"), CSV("text/csv", "csv");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        static Format parse(String value) {
            if (value == null || value.isBlank() || value.trim().toLowerCase(Locale.ROOT).equals("jsonl")) {
                return JSONL;
            }
            if (value.trim().toLowerCase(Locale.ROOT).equals("csv")) {
                return CSV;
            }
            throw ProblemException.invalid("format must be jsonl or csv", List.of("format: jsonl or csv"));
        }
    }
}
