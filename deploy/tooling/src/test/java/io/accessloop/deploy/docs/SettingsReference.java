package io.accessloop.deploy.docs;

import io.accessloop.deploy.support.Repository;
import io.accessloop.deploy.support.ServiceConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The "Service settings" tables of docs/operations.md, rendered from the {@code @ConfigMapping} interfaces: key,
 * environment variable, default and the member's Javadoc. Map members appear as {@code <name>} segments.
 */
final class SettingsReference {

    static final String BEGIN = "<!-- settings: generated from the @ConfigMapping interfaces -->";
    static final String END = "<!-- end of generated settings -->";
    static final List<String> MODULES =
            List.of("service-kit", "broker-service", "drift-service", "lifecycle-service", "portal", "aws-sandbox");

    private static final Pattern PREFIX = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern MEMBER = Pattern.compile(
            "(/\\*\\*(?:(?!\\*/).)*\\*/)?\\s*((?:@\\w+(?:\\(\"(?:[^\"\\\\]|\\\\.)*\"\\))?\\s*)*)([\\w<>, ?.]+?)\\s+(\\w+)\\(\\);",
            Pattern.DOTALL);
    private static final Pattern DEFAULT = Pattern.compile("@WithDefault\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link)\\s+#?([^}]*)}");

    /** One documented setting. */
    record Setting(String key, String env, String defaultValue, String meaning) {
    }

    private SettingsReference() {
    }

    /** The settings of one module, in declaration order. */
    static List<Setting> of(String module) {
        List<Setting> out = new ArrayList<>();
        for (Path file : javaFiles(Repository.path(module + "/src/main/java"))) {
            String source = INLINE_TAG.matcher(Repository.read(file)).replaceAll(m -> "`" + Matcher.quoteReplacement(m.group(1)) + "`");
            Matcher prefix = PREFIX.matcher(source);
            if (prefix.find()) {
                Map<String, String> bodies = interfaces(source);
                expand(prefix.group(1), bodies.keySet().iterator().next(), bodies, out, 0);
            }
        }
        return out;
    }

    /** The Markdown of every module's table. */
    static String render() {
        StringBuilder md = new StringBuilder();
        for (String module : MODULES) {
            md.append("#### ").append(module).append("\n\n")
                    .append("| setting | environment variable | default | meaning |\n|---|---|---|---|\n");
            for (Setting s : of(module)) {
                md.append("| `").append(s.key()).append("` | `").append(s.env()).append("` | ")
                        .append(s.defaultValue() == null ? "—" : "`" + s.defaultValue() + "`").append(" | ")
                        .append(s.meaning()).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The document with its generated section replaced by {@link #render()}. */
    static String regenerate(String document) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("docs/operations.md lacks the generated-settings markers");
        }
        return document.substring(0, begin) + BEGIN + "\n\n" + render() + document.substring(end);
    }

    private static void expand(String prefix, String type, Map<String, String> bodies, List<Setting> out, int depth) {
        if (depth > 10) {
            throw new IllegalArgumentException("config groups nest too deeply at " + prefix);
        }
        Matcher m = MEMBER.matcher(bodies.get(type));
        while (m.find()) {
            String doc = javadoc(m.group(1));
            Matcher def = DEFAULT.matcher(m.group(2));
            String defaultValue = def.find() ? def.group(1) : null;
            String returnType = m.group(3).replaceAll("^(interface\\s+\\w+\\s*)+", "").replaceAll("\\s+", "");
            String key = prefix + "." + kebab(m.group(4));
            Matcher map = Pattern.compile("Map<String,(\\w+)>").matcher(returnType);
            if (map.matches() && bodies.containsKey(map.group(1))) {
                expand(key + ".<name>", map.group(1), bodies, out, depth + 1);
            } else if (bodies.containsKey(returnType)) {
                expand(key, returnType, bodies, out, depth + 1);
            } else {
                String finalKey = map.matches() ? key + ".<name>" : key;
                out.add(new Setting(finalKey, env(finalKey), defaultValue, doc));
            }
        }
    }

    /** Each interface's body without the bodies of the interfaces nested in it. */
    private static Map<String, String> interfaces(String source) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = INTERFACE.matcher(source);
        while (m.find()) {
            StringBuilder body = new StringBuilder();
            int depth = 1;
            for (int i = m.end(); i < source.length() && depth > 0; i++) {
                char c = source.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                } else if (depth == 1) {
                    body.append(c);
                }
            }
            out.put(m.group(1), body.toString());
        }
        return out;
    }

    static String env(String key) {
        String[] parts = key.split("<name>", -1);
        StringBuilder env = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            env.append(i == 0 ? "" : "<NAME>").append(ServiceConfig.toEnv(parts[i]));
        }
        return env.toString();
    }

    private static String javadoc(String comment) {
        if (comment == null) {
            return "";
        }
        String text = comment.replaceAll("^/\\*\\*|\\*/$", "").replaceAll("\\n\\s*\\*", " ");
        return String.join(" ", text.trim().split("\\s+")).replace("|", "\\|");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
