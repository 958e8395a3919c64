package io.accessloop.sandbox.analyzer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.accessloop.sandbox.core.Doc;
import io.accessloop.sandbox.core.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each value of a policy document sits in its text, keyed by its path ({@code Statement/0/Action/1}), so
 * ValidatePolicy findings carry AWS's {@code locations} (path elements and a span of line, column, offset).
 */
final class JsonSpans {

    private final Map<String, Doc> spans = new HashMap<>();

    private JsonSpans() {
    }

    /** Spans of every value; empty when the text is not JSON. */
    static JsonSpans of(String text) {
        JsonSpans out = new JsonSpans();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
            if (p.nextToken() != null) {
                out.value(p, new ArrayList<>());
            }
        } catch (IOException | RuntimeException notJson) {
            out.spans.clear();
        }
        return out;
    }

    private void value(JsonParser p, List<String> path) throws IOException {
        JsonToken token = p.currentToken();
        Doc start = position(p.currentTokenLocation());
        if (token == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                path.add(p.currentName());
                p.nextToken();
                value(p, path);
                path.remove(path.size() - 1);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                path.add(Integer.toString(index++));
                value(p, path);
                path.remove(path.size() - 1);
            }
        }
        spans.put(String.join("/", path), Doc.of().with("start", start).with("end", position(p.currentLocation())));
    }

    private static Doc position(JsonLocation l) {
        return Doc.of().with("line", l.getLineNr()).with("column", Math.max(0, l.getColumnNr() - 1))
                .with("offset", (int) l.getCharOffset());
    }

    /**
     * The location of the first path that exists in the document (e.g. {@code Statement/0/Action/1}, then
     * {@code Statement/0/Action} when Action is a single string); the whole document when none does.
     */
    Doc location(List<List<Object>> candidates) {
        for (List<Object> candidate : candidates) {
            String key = String.join("/", candidate.stream().map(String::valueOf).toList());
            Doc span = spans.get(key);
            if (span != null) {
                List<Doc> elements = candidate.stream().map(e -> e instanceof Integer i
                        ? Doc.of().with("index", i) : Doc.of().with("value", e)).toList();
                return Doc.of().with("path", elements).with("span", span);
            }
        }
        Doc whole = spans.get("");
        return Doc.of().with("path", List.of()).with("span", whole == null ? point(1, 0, 0) : whole);
    }

    static Doc point(int line, int column, int offset) {
        Doc at = Doc.of().with("line", line).with("column", column).with("offset", offset);
        return Doc.of().with("start", at).with("end", at);
    }
}
