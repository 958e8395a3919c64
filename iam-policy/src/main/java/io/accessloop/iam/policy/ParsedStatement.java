package io.accessloop.iam.policy;

import java.util.Map;

/** A statement as read, with where it and each of its elements started, for the per-kind rules. */
record ParsedStatement(Statement statement, SourcePosition start, Map<String, SourcePosition> fields) {

    SourcePosition at(String field) {
        return fields.getOrDefault(field, start);
    }

    boolean has(String field) {
        return fields.containsKey(field);
    }
}
