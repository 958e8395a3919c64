package io.accessloop.deploy.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys one service really reads, so that a deployment file cannot set a variable nobody reads (a
 * typo there is silently ignored at run time). Collected from the sources themselves:
 * <ul>
 * <li>every key of the module's {@code application.properties} (profile prefixes removed), and every variable its
 * values reference as {@code ${NAME}};</li>
 * <li>every member of the {@code @ConfigMapping} interfaces of the module and of service-kit when the module uses it
 * ({@code Map} members accept any key segment);</li>
 * <li>a short list of extension keys, each accepted only when the module (or service-kit) depends on the extension.</li>
 * </ul>
 * A key is set by the environment variable that SmallRye Config derives from it: every character other than a letter or
 * digit becomes {@code _}, and the result is upper-cased ({@code quarkus.datasource.jdbc.url} ↔ {@code QUARKUS_DATASOURCE_JDBC_URL}).
 */
public final class ServiceConfig {

    /** Variables the JVM image's run-java.sh reads; they configure the JVM, not the application. */
    public static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO",
            "JAVA_INITIAL_MEM_RATIO", "JAVA_APP_JAR", "JAVA_OPTS");

    /** Keys that extensions define and a deployment legitimately sets, by the artifact that brings them. */
    static final Map<String, List<String>> EXTENSION_KEYS = Map.of(
            "quarkus-amazon-sts", List.of("quarkus.sts.endpoint-override", "quarkus.sts.aws.region",
                    "quarkus.sts.aws.credentials.type",
                    "quarkus.sts.aws.credentials.static-provider.access-key-id",
                    "quarkus.sts.aws.credentials.static-provider.secret-access-key"),
            "quarkus-oidc", List.of("quarkus.oidc.auth-server-url", "quarkus.oidc.client-id",
                    "quarkus.oidc.token.issuer", "quarkus.oidc.credentials.secret"),
            "quarkus-reactive-pg-client", List.of("quarkus.datasource.reactive.max-size"));

    private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern MEMBER = Pattern.compile("([\\w<>,.?\\s]+?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    private final String module;
    private final Properties properties;
    private final Set<String> keys;
    private final Set<String> envNames;
    private final List<Pattern> envPatterns;

    private ServiceConfig(String module, Properties properties, Set<String> keys, Set<String> expressionNames) {
        this.module = module;
        this.properties = properties;
        this.keys = keys;
        this.envNames = new TreeSet<>();
        this.envPatterns = new ArrayList<>();
        for (String key : keys) {
            if (key.contains("*")) {
                envPatterns.add(envPattern(key));
            } else {
                envNames.add(toEnv(key));
            }
        }
        expressionNames.forEach(name -> envNames.add(toEnv(name)));
    }

    /** Reads the module's sources as they are in this checkout. */
    public static ServiceConfig of(String module) {
        Path dir = Repository.path(module);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no module " + module);
        }
        Properties properties = new Properties();
        Set<String> keys = new TreeSet<>();
        Set<String> expressions = new TreeSet<>();
        Path file = dir.resolve("src/main/resources/application.properties");
        if (Files.isRegularFile(file)) {
            Properties all = new Properties();
            try {
                all.load(new StringReader(Repository.read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String raw : all.stringPropertyNames()) {
                String key = raw.startsWith("%") ? raw.substring(raw.indexOf('.') + 1) : raw;
                keys.add(key);
                if (!raw.startsWith("%")) {
                    properties.setProperty(key, all.getProperty(raw));
                }
                Matcher m = EXPRESSION.matcher(all.getProperty(raw));
                while (m.find()) {
                    expressions.add(m.group(1));
                }
            }
        }
        Set<String> artifacts = artifacts(dir.resolve("pom.xml"));
        List<Path> sourceRoots = new ArrayList<>(List.of(dir.resolve("src/main/java")));
        if (artifacts.contains("service-kit")) {
            sourceRoots.add(Repository.path("service-kit/src/main/java"));
            artifacts.addAll(artifacts(Repository.path("service-kit/pom.xml")));
        }
        for (Path root : sourceRoots) {
            for (Path java : javaFiles(root)) {
                keys.addAll(mappingKeys(Repository.read(java)));
            }
        }
        EXTENSION_KEYS.forEach((artifact, extensionKeys) -> {
            if (artifacts.contains(artifact)) {
                keys.addAll(extensionKeys);
            }
        });
        return new ServiceConfig(module, properties, keys, expressions);
    }

    /** Whether some key of this service is set by this environment variable. */
    public boolean readsEnv(String name) {
        return envNames.contains(name) || envPatterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    /** The configuration keys, {@code *} standing for any map key. */
    public Set<String> keys() {
        return keys;
    }

    /** The value of a key in the default profile of application.properties. */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.getProperty(key));
    }

    public String module() {
        return module;
    }

    public static String toEnv(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return out.toString();
    }

    /** The keys an {@code @ConfigMapping} source file declares (empty when it declares none). */
    static List<String> mappingKeys(String source) {
        Matcher prefix = MAPPING_PREFIX.matcher(source);
        if (!prefix.find()) {
            return List.of();
        }
        String code = stripCommentsAndStrings(source);
        Map<String, List<String[]>> interfaces = new LinkedHashMap<>();
        Matcher m = INTERFACE.matcher(code);
        while (m.find()) {
            interfaces.put(m.group(1), members(code, m.end()));
        }
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException("@ConfigMapping without an interface");
        }
        String top = interfaces.keySet().iterator().next();
        List<String> out = new ArrayList<>();
        expand(prefix.group(1), top, interfaces, out, 0);
        return out;
    }

    private static void expand(String prefix, String type, Map<String, List<String[]>> interfaces, List<String> out,
            int depth) {
        if (depth > 10) {
            throw new IllegalArgumentException("config groups nest too deeply at " + prefix);
        }
        for (String[] member : interfaces.get(type)) {
            String returnType = member[0].replaceAll("\\s+", "");
            String key = prefix + "." + kebab(member[1]);
            Matcher map = Pattern.compile("Map<String,(\\w+)>").matcher(returnType);
            if (map.matches()) {
                if (interfaces.containsKey(map.group(1))) {
                    expand(key + ".*", map.group(1), interfaces, out, depth + 1);
                } else {
                    out.add(key + ".*");
                }
            } else if (interfaces.containsKey(returnType)) {
                expand(key, returnType, interfaces, out, depth + 1);
            } else {
                out.add(key);
            }
        }
    }

    /** Method declarations directly in the body that starts at {@code start} (nested bodies skipped). */
    private static List<String[]> members(String code, int start) {
        StringBuilder direct = new StringBuilder();
        int depth = 1;
        for (int i = start; i < code.length() && depth > 0; i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 1) {
                direct.append(c);
            }
        }
        List<String[]> out = new ArrayList<>();
        String body = direct.toString()
                .replaceAll("@\\w+(\\([^)]*\\))?", " ")
                .replaceAll("\\binterface\\s+\\w+(\\s+extends\\s+[\\w., <>]+)?", " ");
        for (String statement : body.split(";")) {
            Matcher m = MEMBER.matcher(statement.trim() + ";");
            if (m.matches()) {
                out.add(new String[] {m.group(1).trim(), m.group(2)});
            }
        }
        return out;
    }

    /** The code with comments removed and every string or char literal emptied, in one pass over the text. */
    static String stripCommentsAndStrings(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            char next = i + 1 < n ? source.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (c == '"' && source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && source.charAt(i) != c) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static Pattern envPattern(String key) {
        StringBuilder regex = new StringBuilder();
        String[] parts = key.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[A-Z0-9_]+?");
            }
            regex.append(Pattern.quote(toEnv(parts[i])));
        }
        return Pattern.compile(regex.toString());
    }

    private static Set<String> artifacts(Path pom) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARTIFACT.matcher(Repository.read(pom));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
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

    @Override
    public String toString() {
        return module + " " + keys;
    }
}
