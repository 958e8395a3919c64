package io.accessloop.sandbox.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * CloudTrail's {@code requestParameters} / {@code responseElements}: camelCase names, lists for
 * {@code .member.N}, secrets left out or hidden as AWS hides them.
 */
final class TrailParameters {

    private static final Set<String> HIDDEN = Set.of("Password", "NewPassword", "OldPassword");
    private static final Set<String> OMITTED = Set.of("SecretAccessKey", "Base32StringSeed", "QRCodePNG",
            "SessionToken", "Content");

    private TrailParameters() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fromQuery(Map<String, String> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Object>> lists = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            if (key.equals("Action") || key.equals("Version")) {
                continue;
            }
            String value = HIDDEN.contains(key) ? "HIDDEN_DUE_TO_SECURITY_REASONS" : e.getValue();
            String[] parts = key.split("\\.");
            if (parts.length >= 3 && parts[1].equals("member")) {
                int index;
                try {
                    index = Integer.parseInt(parts[2]);
                } catch (NumberFormatException ex) {
                    continue;
                }
                TreeMap<Integer, Object> list = lists.computeIfAbsent(lowerFirst(parts[0]), k -> {
                    TreeMap<Integer, Object> created = new TreeMap<>();
                    out.put(k, created);
                    return created;
                });
                if (parts.length == 3) {
                    list.put(index, value);
                } else {
                    Object existing = list.get(index);
                    Map<String, Object> struct = existing instanceof Map<?, ?> m ? (Map<String, Object>) m
                            : new LinkedHashMap<>();
                    struct.put(lowerFirst(String.join(".", java.util.Arrays.copyOfRange(parts, 3, parts.length))),
                            value);
                    list.put(index, struct);
                }
            } else {
                out.put(lowerFirst(key), value);
            }
        }
        lists.forEach((name, list) -> out.put(name, new ArrayList<>(list.values())));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Object response(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (!OMITTED.contains(k) && v != null) {
                    out.put(lowerFirst(k), response(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(response(item)));
            return out;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value;
    }

    static String lowerFirst(String name) {
        if (name.isEmpty() || Character.isLowerCase(name.charAt(0))) {
            return name;
        }
        int upper = 0;
        while (upper < name.length() && Character.isUpperCase(name.charAt(upper))) {
            upper++;
        }
        if (upper > 1 && upper < name.length()) {
            upper--;
        }
        return name.substring(0, upper).toLowerCase() + name.substring(upper);
    }
}
