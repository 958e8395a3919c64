package io.accessloop.drift.findings.domain.rules;

import io.accessloop.drift.findings.domain.DriftRule;
import io.accessloop.drift.findings.domain.RuleInput;
import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.iam.policy.Statement;

import java.util.ArrayList;
import java.util.List;

/** Every action of a service on every resource: an Allow of {@code service:*} on {@code Resource: *}. */
public final class ServiceWildcardRule implements DriftRule {

    public static final String ID = "service-wildcard";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<Violation> evaluate(RuleInput input) {
        IamSnapshot s = input.current();
        if (s.deleted()) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        for (PolicyDocuments.Labelled doc : PolicyDocuments.identityPolicies(s)) {
            for (Statement st : doc.document().statements()) {
                if (!st.isAllow() || !st.resources().contains("*") || AdminWildcardRule.isAdmin(st)) {
                    continue;
                }
                for (String action : st.actions()) {
                    if (action.endsWith(":*") && action.indexOf(':') == action.length() - 2) {
                        String service = action.substring(0, action.length() - 2).toLowerCase();
                        String key = "service:" + doc.label() + ":" + service;
                        if (out.stream().noneMatch(v -> v.key().equals(key))) {
                            out.add(new Violation(key, "All " + service + " actions on every resource in "
                                    + doc.label() + " of " + s.name(), AdminWildcardRule.evidence(doc.label(), st)));
                        }
                    }
                }
            }
        }
        return out;
    }
}
