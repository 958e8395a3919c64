package io.accessloop.drift.findings.domain.rules;

import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.InlinePolicy;
import io.accessloop.iam.policy.MalformedPolicyException;
import io.accessloop.iam.policy.PolicyDocument;
import io.accessloop.iam.policy.PolicyParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The identity policy documents a snapshot carries, each with a label that names where it lives. */
final class PolicyDocuments {

    record Labelled(String label, PolicyDocument document) {
    }

    private PolicyDocuments() {
    }

    static List<Labelled> identityPolicies(IamSnapshot snapshot) {
        List<Labelled> out = new ArrayList<>();
        for (InlinePolicy p : snapshot.inlinePolicies()) {
            parse(p.document()).ifPresent(d -> out.add(new Labelled("inline:" + p.name(), d)));
        }
        if (snapshot.defaultDocument() != null) {
            parse(snapshot.defaultDocument()).ifPresent(d -> out.add(new Labelled("version:" + snapshot.defaultVersionId(), d)));
        }
        return out;
    }

    /** A document AWS accepted but this parser cannot read is skipped rather than guessed at. */
    static Optional<PolicyDocument> parse(String json) {
        try {
            return Optional.of(PolicyParser.parse(json));
        } catch (MalformedPolicyException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
