package io.accessloop.iam.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The generated {@code actions.tsv} resource, loaded once: services and their actions, by lower-cased name. */
final class CatalogData {

    static final String RESOURCE = "/io/accessloop/iam/catalog/actions.tsv";

    /** service prefix (lower case) → action name (lower case) → info. */
    final Map<String, Map<String, ActionInfo>> actionsByService;
    final Map<String, String> serviceNames;

    private CatalogData(Map<String, Map<String, ActionInfo>> actionsByService, Map<String, String> serviceNames) {
        this.actionsByService = actionsByService;
        this.serviceNames = serviceNames;
    }

    static CatalogData load() {
        try (InputStream in = CatalogData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("action catalog resource " + RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CatalogData parse(List<String> lines) {
        Map<String, Map<String, ActionInfo>> byService = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3) {
                throw new IllegalStateException("bad catalog line: " + line);
            }
            String service = fields[0];
            Map<String, ActionInfo> actions = new HashMap<>();
            for (String entry : fields[2].split(",")) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException("bad catalog entry " + entry + " for " + service);
                }
                Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
                for (char code : entry.substring(eq + 1).toCharArray()) {
                    levels.add(AccessLevel.fromCode(code));
                }
                String name = entry.substring(0, eq);
                actions.put(name.toLowerCase(Locale.ROOT), new ActionInfo(service, name, levels));
            }
            byService.put(service.toLowerCase(Locale.ROOT), Collections.unmodifiableMap(actions));
            names.put(service.toLowerCase(Locale.ROOT), fields[1]);
        }
        return new CatalogData(Collections.unmodifiableMap(byService), Collections.unmodifiableMap(names));
    }
}
