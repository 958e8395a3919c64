package io.accessloop.sandbox.protocol;

import io.accessloop.sandbox.core.AwsError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of an AWS Query request ({@code Action=…&Tags.member.1.Key=…}) with typed accessors. */
public final class QueryParams {

    private final Map<String, String> values;

    public QueryParams(Map<String, String> values) {
        this.values = values;
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String action() {
        return values.get("Action");
    }

    public String get(String name) {
        return values.get(name);
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw AwsError.missingParameter(name);
        }
        return value;
    }

    public String getOr(String name, String fallback) {
        String value = values.get(name);
        return value == null ? fallback : value;
    }

    public Integer integer(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw AwsError.validation("1 validation error detected: Value '" + value + "' at '"
                    + lowerFirst(name) + "' failed to satisfy constraint: Member must be a number");
        }
    }

    public boolean bool(String name, boolean fallback) {
        String value = values.get(name);
        return value == null ? fallback : Boolean.parseBoolean(value.trim());
    }

    /** {@code Name.member.1}, {@code Name.member.2}, … in order. */
    public List<String> members(String name) {
        List<String> out = new ArrayList<>();
        for (int i = 1; ; i++) {
            String value = values.get(name + ".member." + i);
            if (value == null) {
                return out;
            }
            out.add(value);
        }
    }

    /** {@code Name.member.N.Field} structures, e.g. tags or context entries. */
    public List<Map<String, String>> memberStructs(String name) {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 1; ; i++) {
            String prefix = name + ".member." + i + ".";
            Map<String, String> struct = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    struct.put(e.getKey().substring(prefix.length()), e.getValue());
                }
            }
            if (struct.isEmpty()) {
                return out;
            }
            out.add(struct);
        }
    }

    /** Tags as an ordered map, validated as IAM and STS validate them. */
    public Map<String, String> tags(String name) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map<String, String> tag : memberStructs(name)) {
            String key = tag.get("Key");
            String value = tag.getOrDefault("Value", "");
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw AwsError.validation("1 validation error detected: Value at 'tags.member.key' failed to satisfy "
                        + "constraint: Member must have length between 1 and 128");
            }
            if (value.length() > 256) {
                throw AwsError.validation("1 validation error detected: Value at 'tags.member.value' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 256");
            }
            for (String existing : tags.keySet()) {
                if (existing.equalsIgnoreCase(key)) {
                    throw AwsError.invalidInput("Duplicate tag keys found. Please note that Tag keys are case "
                            + "insensitive.");
                }
            }
            tags.put(key, value);
        }
        if (tags.size() > 50) {
            throw AwsError.limitExceeded("Cannot exceed quota for TagsPerRole: 50.");
        }
        return tags;
    }

    static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
