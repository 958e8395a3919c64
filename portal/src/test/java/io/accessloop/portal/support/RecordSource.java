package io.accessloop.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a Java record's components (name and declared type) from a sibling module's source, including the records
 * nested in the same file. The services' JSON is these records serialised by Jackson, one property per component.
 */
public final class RecordSource {

    private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\([^)]*\\))?\\s*");
    private static final Pattern JSON_PROPERTY = Pattern.compile("@JsonProperty\\(\\s*\"([^\"]+)\"\\s*\\)");

    private final Map<String, Map<String, String>> records;

    private RecordSource(Map<String, Map<String, String>> records) {
        this.records = records;
    }

    /**
     * Finds {@code <simpleName>.java} anywhere under {@code <module>/src/main/java}; {@code Outer.Record} names a
     * record nested in {@code Outer.java}.
     */
    public static RecordSource find(Path reactorRoot, String module, String recordName) {
        String simpleName = recordName.contains(".") ? recordName.substring(0, recordName.indexOf('.')) : recordName;
        Path sources = reactorRoot.resolve(module).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> matches = files.filter(p -> p.getFileName().toString().equals(simpleName + ".java")).toList();
            if (matches.size() != 1) {
                throw new IllegalStateException("expected one " + simpleName + ".java under " + sources + ", found "
                        + matches);
            }
            return parse(Files.readString(matches.get(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RecordSource parse(String source) {
        Map<String, Map<String, String>> records = new LinkedHashMap<>();
        Matcher header = Pattern.compile("\\brecord\\s+(\\w+)\\s*(<[^>]*>)?\\s*\\(").matcher(source);
        while (header.find()) {
            int end = closing(source, header.end() - 1);
            records.put(header.group(1), parseComponents(source.substring(header.end(), end)));
        }
        return new RecordSource(records);
    }

    /** JSON property name (the component's, or its {@code @JsonProperty}) to declared type, in order. */
    public Map<String, String> components(String recordName) {
        String simple = recordName.substring(recordName.lastIndexOf('.') + 1);
        Map<String, String> components = records.get(simple);
        if (components == null) {
            throw new IllegalStateException("no record " + recordName + " in the source; records: " + records.keySet());
        }
        return components;
    }

    /** The nested record a declared type refers to ({@code Review}, {@code List<ApprovalView>}), if any. */
    public Optional<String> nestedRecord(String declaredType) {
        String simple = elementType(declaredType);
        return records.containsKey(simple) ? Optional.of(simple) : Optional.empty();
    }

    /** The simple name of a type, or of a collection's element type ({@code List<AuditEntryView>}). */
    public static String elementType(String declaredType) {
        String inner = declaredType.replaceAll(".*<\\s*([\\w.]+)\\s*>.*", "$1");
        return inner.substring(inner.lastIndexOf('.') + 1);
    }

    /** A record of the same module declared in a file of its own ({@code AuditEntryView}), if there is one. */
    public static Optional<RecordSource> sibling(Path reactorRoot, String module, String declaredType) {
        String simple = elementType(declaredType);
        if (!simple.matches("[A-Z]\\w*") || simple.equals("String") || simple.equals("Instant")
                || simple.equals("JsonNode") || simple.equals("Long") || simple.equals("Boolean")
                || simple.equals("Integer")) {
            return Optional.empty();
        }
        Path sources = reactorRoot.resolve(module).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> matches = files.filter(p -> p.getFileName().toString().equals(simple + ".java")).toList();
            if (matches.size() != 1) {
                return Optional.empty();
            }
            RecordSource source = parse(Files.readString(matches.get(0)));
            return source.records.containsKey(simple) ? Optional.of(source) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> parseComponents(String list) {
        Map<String, String> components = new LinkedHashMap<>();
        for (String parameter : splitTopLevel(list)) {
            String clean = ANNOTATION.matcher(parameter.trim()).replaceAll("").trim();
            if (clean.isEmpty()) {
                continue;
            }
            int space = clean.lastIndexOf(' ');
            Matcher renamed = JSON_PROPERTY.matcher(parameter);
            String property = renamed.find() ? renamed.group(1) : clean.substring(space + 1);
            components.put(property, clean.substring(0, space).trim());
        }
        return components;
    }

    private static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(list.substring(start));
        return parts;
    }

    private static int closing(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced record header");
    }
}
