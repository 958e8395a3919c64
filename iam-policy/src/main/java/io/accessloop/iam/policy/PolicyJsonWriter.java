package io.accessloop.iam.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes policy documents as canonical JSON. */
final class PolicyJsonWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private PolicyJsonWriter() {
    }

    static String write(PolicyDocument document) {
        return write(document, false);
    }

    static String writePretty(PolicyDocument document) {
        return write(document, true);
    }

    private static String write(PolicyDocument document, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            g.writeStartObject();
            if (document.version() != null) {
                g.writeStringField("Version", document.version());
            }
            if (document.id() != null) {
                g.writeStringField("Id", document.id());
            }
            g.writeArrayFieldStart("Statement");
            for (Statement statement : document.statements()) {
                writeStatement(g, statement);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeStatement(JsonGenerator g, Statement s) throws IOException {
        g.writeStartObject();
        if (s.sid() != null) {
            g.writeStringField("Sid", s.sid());
        }
        g.writeStringField("Effect", s.effect().jsonName());
        writePrincipals(g, "Principal", s.principals());
        writePrincipals(g, "NotPrincipal", s.notPrincipals());
        writeList(g, "Action", s.actions());
        writeList(g, "NotAction", s.notActions());
        writeList(g, "Resource", s.resources());
        writeList(g, "NotResource", s.notResources());
        if (!s.conditions().isEmpty()) {
            Map<String, Map<String, List<String>>> byOperator = new LinkedHashMap<>();
            for (Condition c : s.conditions()) {
                byOperator.computeIfAbsent(c.operator().jsonName(), k -> new LinkedHashMap<>()).put(c.key(), c.values());
            }
            g.writeObjectFieldStart("Condition");
            for (Map.Entry<String, Map<String, List<String>>> op : byOperator.entrySet()) {
                g.writeObjectFieldStart(op.getKey());
                for (Map.Entry<String, List<String>> key : op.getValue().entrySet()) {
                    writeStringOrArray(g, key.getKey(), key.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writePrincipals(JsonGenerator g, String field, Principals principals) throws IOException {
        if (principals == null) {
            return;
        }
        if (principals.wildcard()) {
            g.writeStringField(field, "*");
            return;
        }
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> e : principals.byType().entrySet()) {
            writeStringOrArray(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeList(JsonGenerator g, String field, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            writeStringOrArray(g, field, values);
        }
    }

    private static void writeStringOrArray(JsonGenerator g, String field, List<String> values) throws IOException {
        if (values.size() == 1) {
            g.writeStringField(field, values.get(0));
            return;
        }
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
