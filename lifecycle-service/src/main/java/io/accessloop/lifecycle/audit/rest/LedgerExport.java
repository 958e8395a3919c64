package io.accessloop.lifecycle.audit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessloop.kit.problem.ProblemException;
import io.accessloop.lifecycle.audit.domain.LedgerEntry;
import io.accessloop.lifecycle.audit.repository.LedgerFilter;
import io.accessloop.lifecycle.audit.repository.LedgerReader;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

/** Writes matching entries in chain order, page by page, as JSON Lines or CSV (RFC 4180 quoting). */
@ApplicationScoped
public class LedgerExport {

    private static final int PAGE = 1000;
    private static final String CSV_HEADER = "seq,id,recordedAt,occurredAt,kind,source,subject,identity,grantId,"
            + "principalArn,eventId,data,prevHash,hash\r\n";

    private final LedgerReader reader;
    private final ObjectMapper mapper;

    LedgerExport(LedgerReader reader, ObjectMapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    public Uni<String> export(LedgerFilter filter, Format format) {
        StringBuilder out = new StringBuilder(format == Format.CSV ? CSV_HEADER : "");
        return append(out, filter, null, format).map(StringBuilder::toString);
    }

    private Uni<StringBuilder> append(StringBuilder out, LedgerFilter filter, Long after, Format format) {
        return reader.page(filter, after, PAGE, false).chain(entries -> {
            entries.forEach(e -> out.append(format == Format.CSV ? csv(e) : jsonLine(e)));
            if (entries.size() < PAGE) {
                return Uni.createFrom().item(out);
            }
            return append(out, filter, entries.get(entries.size() - 1).seq(), format);
        });
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
