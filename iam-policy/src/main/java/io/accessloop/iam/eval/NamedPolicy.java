package io.accessloop.iam.eval;

import io.accessloop.iam.policy.PolicyDocument;
import java.util.Objects;

/** A policy document with the name (or ARN) used to explain decisions. */
public record NamedPolicy(String name, PolicyDocument document) {

    public NamedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }

    public static NamedPolicy of(String name, PolicyDocument document) {
        return new NamedPolicy(name, document);
    }
}
