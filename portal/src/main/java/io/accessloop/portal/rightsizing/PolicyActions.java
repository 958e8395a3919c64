package io.accessloop.portal.rightsizing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The actions a policy document allows (Effect Allow statements, Action as a string or a list), as written but
 * compared without case, as IAM does.
 */
final class PolicyActions {

    private PolicyActions() {
    }

    static Set<String> allowed(JsonNode document) {
        Set<String> actions = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (document == null || document.isNull()) {
            return actions;
        }
        JsonNode statements = document.get("Statement");
        if (statements == null) {
            return actions;
        }
        if (statements.isArray()) {
            statements.forEach(statement -> collect(statement, actions));
        } else {
            collect(statements, actions);
        }
        return actions;
    }

    /** The service prefix of an action ({@code s3} for {@code s3:GetObject}; {@code *} for a bare wildcard). */
    static String service(String action) {
        int colon = action.indexOf(':');
        return (colon < 0 ? action : action.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    private static void collect(JsonNode statement, Set<String> actions) {
        if (!"Allow".equals(statement.path("Effect").asText())) {
            return;
        }
        JsonNode action = statement.get("Action");
        if (action == null) {
            return;
        }
        if (action.isArray()) {
            action.forEach(a -> actions.add(a.asText()));
        } else {
            actions.add(action.asText());
        }
    }
}
