package io.accessloop.broker.catalog.service;

import io.accessloop.broker.catalog.domain.CatalogProblem;
import io.accessloop.broker.catalog.domain.Entitlement;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every {@code *.yaml}/{@code *.yml} file of a catalog folder and collects all problems, each with its file
 * and line, instead of stopping at the first. A file holds {@code entitlements:} followed by a list of entries.
 */
public final class CatalogReader {

    /** What one read of the folder produced; the entitlements are usable only when {@code problems} is empty. */
    public record Result(List<Entitlement> entitlements, List<CatalogProblem> problems, String fingerprint) {
    }

    private CatalogReader() {
    }

    /** The content hash of the folder, cheap enough to compare on every reload tick. */
    public static String fingerprint(Path dir) throws IOException {
        MessageDigest digest = sha256();
        for (Path file : files(dir)) {
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(file));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static Result read(Path dir) {
        List<CatalogProblem> problems = new ArrayList<>();
        List<Entitlement> entitlements = new ArrayList<>();
        String fingerprint;
        List<Path> files;
        try {
            files = files(dir);
            fingerprint = fingerprint(dir);
        } catch (IOException e) {
            return new Result(List.of(), List.of(new CatalogProblem(dir.toString(), 0,
                    "cannot read the catalog folder: " + e.getMessage())), "");
        }
        if (files.isEmpty()) {
            problems.add(new CatalogProblem(dir.toString(), 0, "the catalog folder holds no *.yaml or *.yml file"));
        }
        Map<String, String> seen = new HashMap<>();
        for (Path file : files) {
            String name = dir.relativize(file).toString();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(new CatalogProblem(name, 0, "cannot read the file: " + e.getMessage()));
                continue;
            }
            for (Entitlement e : readFile(name, text, problems)) {
                String previous = seen.putIfAbsent(e.name(), name);
                if (previous != null) {
                    problems.add(new CatalogProblem(name, 0, "entitlement '" + e.name()
                            + "' is already defined in " + previous));
                } else {
                    entitlements.add(e);
                }
            }
        }
        externalIdsAgree(entitlements, problems);
        return new Result(List.copyOf(entitlements), List.copyOf(problems), fingerprint);
    }

    /** The external id belongs to the role's trust policy: entitlements of one role must not disagree on it. */
    private static void externalIdsAgree(List<Entitlement> entitlements, List<CatalogProblem> problems) {
        Map<String, Entitlement> byRole = new HashMap<>();
        for (Entitlement e : entitlements) {
            Entitlement first = byRole.putIfAbsent(e.roleArn(), e);
            if (first != null && !first.externalId().equals(e.externalId())) {
                problems.add(new CatalogProblem(e.sourceFile(), 0, "entitlement '" + e.name() + "' and '"
                        + first.name() + "' (" + first.sourceFile() + ") use role " + e.roleArn()
                        + " with different externalId values"));
            }
        }
    }

    /** Parses one file's text; problems go to {@code problems}, valid entitlements are returned. */
    public static List<Entitlement> readFile(String file, String text, List<CatalogProblem> problems) {
        List<Entitlement> found = new ArrayList<>();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(1_000_000);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problems.add(new CatalogProblem(file, line, "not valid YAML: " + e.getProblem()));
            return found;
        } catch (RuntimeException e) {
            problems.add(new CatalogProblem(file, 0, "not valid YAML: " + e.getMessage()));
            return found;
        }
        if (root == null) {
            problems.add(new CatalogProblem(file, 1, "the file is empty"));
            return found;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(new CatalogProblem(file, line(root), "expected a mapping with the key 'entitlements'"));
            return found;
        }
        Node list = null;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
            if (key.equals("entitlements")) {
                list = tuple.getValueNode();
            } else {
                problems.add(new CatalogProblem(file, line(tuple.getKeyNode()),
                        "unknown key '" + key + "' (expected 'entitlements')"));
            }
        }
        if (list == null) {
            problems.add(new CatalogProblem(file, line(root), "missing key 'entitlements'"));
            return found;
        }
        if (!(list instanceof SequenceNode sequence)) {
            problems.add(new CatalogProblem(file, line(list), "'entitlements' must be a list"));
            return found;
        }
        for (Node item : sequence.getValue()) {
            new EntitlementReader(file, problems).read(item).ifPresent(found::add);
        }
        return found;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> stream = Files.list(dir)) {
            return stream.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".");
                    })
                    .sorted()
                    .toList();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
