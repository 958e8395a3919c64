package io.accessloop.lifecycle.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps secrets out of the ledger (DESIGN §6): any field whose name says it holds a secret is dropped before the
 * content is hashed and stored, whatever event or action carried it. Access key ids stay: they are public.
 */
public final class Redaction {

    private static final Set<String> SECRET_NAMES = Set.of(
            "secretaccesskey", "sessiontoken", "password", "secret", "signature", "token", "signintoken",
            "privatekey", "clientsecret");

    private Redaction() {
    }

    /** A copy of {@code node} without secret-bearing fields, at any depth. */
    public static JsonNode strip(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        stripInPlace(copy);
        return copy;
    }

    public static boolean isSecretName(String field) {
        String name = field.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return SECRET_NAMES.contains(name) || name.endsWith("secret") || name.endsWith("password");
    }

    private static void stripInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (isSecretName(name)) {
                    object.remove(name);
                } else {
                    stripInPlace(object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Redaction::stripInPlace);
        }
    }
}
