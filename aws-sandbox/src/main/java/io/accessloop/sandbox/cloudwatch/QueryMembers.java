package io.accessloop.sandbox.cloudwatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Query-protocol lists of structures ({@code Name.member.N.Field}) in one pass over the parameters. */
final class QueryMembers {

    private QueryMembers() {
    }

    /** The structures of list {@code name}, in member order, each as its fields (nested keys kept whole). */
    static List<Map<String, String>> of(Map<String, String> values, String name) {
        String prefix = name + ".member.";
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            String index = dot < 0 ? rest : rest.substring(0, dot);
            int n;
            try {
                n = Integer.parseInt(index);
            } catch (NumberFormatException notAnIndex) {
                continue;
            }
            byIndex.computeIfAbsent(n, k -> new HashMap<>()).put(dot < 0 ? "" : rest.substring(dot + 1), e.getValue());
        }
        return new ArrayList<>(byIndex.values());
    }

    /** A list of plain values ({@code Name.member.N}). */
    static List<String> scalars(Map<String, String> values, String name) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> member : of(values, name)) {
            String v = member.get("");
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
