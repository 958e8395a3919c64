package io.accessloop.broker.support;

import io.accessloop.kit.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** Field checks for request bodies; collects every error and answers 400 with all of them. */
public final class Inputs {

    private final List<String> errors = new ArrayList<>();

    public Inputs maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(field + ": at most " + max + " characters");
        }
        return this;
    }

    public Inputs required(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field + ": required");
        }
        return this;
    }

    public Inputs range(String field, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            errors.add(field + ": must be between " + min + " and " + max);
        }
        return this;
    }

    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The request body has invalid fields", errors);
        }
    }

    public static String grantIdOk(String id) {
        if (id == null || id.length() > 64 || !id.matches("[a-z]{3}_[0-9A-Za-z]+")) {
            throw ProblemException.notFound("Object " + (id == null ? "" : id.substring(0, Math.min(id.length(), 64))));
        }
        return id;
    }
}
