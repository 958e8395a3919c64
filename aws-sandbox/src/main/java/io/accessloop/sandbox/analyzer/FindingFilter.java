package io.accessloop.sandbox.analyzer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * ListFindingsV2's {@code filter}: per attribute a criterion with {@code eq}, {@code neq}, {@code contains}
 * (each a list, any value matching) and {@code exists}; all attributes must match.
 */
final class FindingFilter {

    private static final Map<String, Function<FindingLedger.Tracked, String>> ATTRIBUTES = Map.of(
            "id", FindingLedger.Tracked::id,
            "status", FindingLedger.Tracked::status,
            "resource", t -> t.finding().resource(),
            "resourceType", t -> t.finding().resourceType(),
            "findingType", t -> t.finding().findingType());
    private static final Set<String> OPERATORS = Set.of("eq", "neq", "contains", "exists");

    private FindingFilter() {
    }

    static Predicate<FindingLedger.Tracked> of(JsonNode filter, String account) {
        Predicate<FindingLedger.Tracked> all = t -> true;
        if (filter == null || filter.isNull()) {
            return all;
        }
        if (!filter.isObject()) {
            throw AnalyzerErrors.validation("filter must be a map of attribute to criterion");
        }
        var fields = filter.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            String name = entry.getKey();
            Function<FindingLedger.Tracked, String> attribute = name.equals("resourceOwnerAccount")
                    ? t -> account : ATTRIBUTES.get(name);
            if (attribute == null) {
                throw AnalyzerErrors.validation("Invalid filter key: " + name + ". Supported: "
                        + new java.util.TreeSet<>(List.of("id", "status", "resource", "resourceType", "findingType",
                        "resourceOwnerAccount")));
            }
            all = all.and(criterion(name, entry.getValue(), attribute));
        }
        return all;
    }

    private static Predicate<FindingLedger.Tracked> criterion(String name, JsonNode c,
                                                              Function<FindingLedger.Tracked, String> attribute) {
        if (!c.isObject() || c.isEmpty()) {
            throw AnalyzerErrors.validation("The criterion for " + name + " must set eq, neq, contains or exists");
        }
        Predicate<FindingLedger.Tracked> p = t -> true;
        var it = c.fieldNames();
        while (it.hasNext()) {
            String op = it.next();
            if (!OPERATORS.contains(op)) {
                throw AnalyzerErrors.validation("Unknown criterion operator " + op + " for " + name);
            }
        }
        if (c.has("eq")) {
            List<String> values = strings(name, "eq", c.get("eq"));
            p = p.and(t -> values.contains(attribute.apply(t)));
        }
        if (c.has("neq")) {
            List<String> values = strings(name, "neq", c.get("neq"));
            p = p.and(t -> !values.contains(attribute.apply(t)));
        }
        if (c.has("contains")) {
            List<String> values = strings(name, "contains", c.get("contains"));
            p = p.and(t -> {
                String v = attribute.apply(t);
                return v != null && values.stream().anyMatch(v::contains);
            });
        }
        if (c.has("exists")) {
            JsonNode exists = c.get("exists");
            if (!exists.isBoolean()) {
                throw AnalyzerErrors.validation("exists for " + name + " must be a boolean");
            }
            boolean want = exists.asBoolean();
            p = p.and(t -> (attribute.apply(t) != null) == want);
        }
        return p;
    }

    private static List<String> strings(String name, String op, JsonNode node) {
        if (!node.isArray() || node.isEmpty() || node.size() > 20) {
            throw AnalyzerErrors.validation(op + " for " + name + " must be a list of 1 to 20 strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : node) {
            if (!v.isTextual()) {
                throw AnalyzerErrors.validation(op + " for " + name + " must be a list of strings");
            }
            out.add(v.asText());
        }
        return out;
    }
}
