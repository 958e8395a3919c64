package io.accessloop.sandbox.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.iam.catalog.ActionCatalog;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.Statement;
import io.accessloop.sandbox.cloudtrail.TrailEvent;
import io.accessloop.sandbox.cloudtrail.TrailLog;
import io.accessloop.sandbox.core.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Policy generation: the IAM actions behind every successful CloudTrail-recorded call of a role's sessions (or of
 * a user) in a time window, mapped with the action catalog, one statement per service on every resource, split
 * into several policies when one would exceed the 6,144-character managed policy limit.
 */
final class PolicyGenerator {

    private static final int MAX_POLICY_CHARS = 6_144;

    private final TrailLog trail;

    PolicyGenerator(TrailLog trail) {
        this.trail = trail;
    }

    /** The generated policies (JSON), none when the principal made no call in the window. */
    List<String> generate(String principalArn, Instant start, Instant end) {
        Map<String, Set<String>> byService = new TreeMap<>();
        for (TrailEvent e : trail.all()) {
            if (e.eventTime().isBefore(start) || e.eventTime().isAfter(end)) {
                continue;
            }
            JsonNode record = Json.tryParse(e.json().getBytes(StandardCharsets.UTF_8));
            if (record == null || record.hasNonNull("errorCode") || !madeBy(record.path("userIdentity"), principalArn)) {
                continue;
            }
            for (String action : ActionCatalog.actionsFor(e.eventSource(), e.eventName())) {
                byService.computeIfAbsent(ActionCatalog.serviceOf(action), k -> new TreeSet<>()).add(action);
            }
        }
        List<String> policies = new ArrayList<>();
        List<Statement> current = new ArrayList<>();
        for (Set<String> actions : byService.values()) {
            Statement statement = Statement.allow().actions(new ArrayList<>(actions)).resources("*").build();
            current.add(statement);
            if (current.size() > 1 && PolicyDocument.of(current).toJson().length() > MAX_POLICY_CHARS) {
                current.remove(current.size() - 1);
                policies.add(PolicyDocument.of(current).toJson());
                current = new ArrayList<>(List.of(statement));
            }
        }
        if (!current.isEmpty()) {
            policies.add(PolicyDocument.of(current).toJson());
        }
        return policies;
    }

    private static boolean madeBy(JsonNode identity, String principalArn) {
        if (identity.path("type").asText().equals("AssumedRole")) {
            return principalArn.equals(identity.path("sessionContext").path("sessionIssuer").path("arn").asText());
        }
        return principalArn.equals(identity.path("arn").asText());
    }
}
