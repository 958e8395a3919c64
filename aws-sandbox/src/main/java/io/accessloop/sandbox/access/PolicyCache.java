package io.accessloop.sandbox.access;

import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyParser;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Parsed policy documents by their JSON text, so each document is parsed once, not on every call. */
public final class PolicyCache {

    private static final int LIMIT = 20_000;
    private final Map<String, PolicyDocument> parsed = new ConcurrentHashMap<>();

    /** Parses a document that IAM already accepted (stored documents are valid). */
    public PolicyDocument document(String json) {
        PolicyDocument cached = parsed.get(json);
        if (cached != null) {
            return cached;
        }
        PolicyDocument document = PolicyParser.parse(json);
        if (parsed.size() >= LIMIT) {
            parsed.clear();
        }
        parsed.put(json, document);
        return document;
    }
}
