package io.accessloop.drift.findings.domain;

import io.accessloop.drift.findings.domain.rules.AdminWildcardRule;
import io.accessloop.drift.findings.domain.rules.BoundaryRemovedRule;
import io.accessloop.drift.findings.domain.rules.InlinePolicySizeRule;
import io.accessloop.drift.findings.domain.rules.OpenTrustPolicyRule;
import io.accessloop.drift.findings.domain.rules.OutOfBandChangeRule;
import io.accessloop.drift.findings.domain.rules.ServiceWildcardRule;
import io.accessloop.drift.findings.domain.rules.UnattachedPolicyRule;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The enabled rules with their configured severities; evaluates them all against one resource. */
public final class RuleBook {

    private final List<DriftRule> rules;
    private final Map<String, Severity> severities = new HashMap<>();

    public RuleBook(List<DriftRule> rules, Map<String, String> severityOverrides, Set<String> disabled) {
        this.rules = rules.stream().filter(r -> !disabled.contains(r.id())).toList();
        for (DriftRule rule : rules) {
            String override = severityOverrides.get(rule.id());
            severities.put(rule.id(), override == null ? rule.defaultSeverity() : Severity.parse(override));
        }
        for (String id : severityOverrides.keySet()) {
            if (!severities.containsKey(id)) {
                throw new IllegalArgumentException("severity configured for unknown rule " + id);
            }
        }
    }

    public static List<DriftRule> standardRules(Set<String> trustedAccounts, int inlineSizeThresholdPercent) {
        return List.of(new OutOfBandChangeRule(), new AdminWildcardRule(), new ServiceWildcardRule(),
                new UnattachedPolicyRule(), new OpenTrustPolicyRule(trustedAccounts), new BoundaryRemovedRule(),
                new InlinePolicySizeRule(inlineSizeThresholdPercent));
    }

    public Severity severity(String ruleId) {
        return severities.get(ruleId);
    }

    public List<DriftRule> rules() {
        return rules;
    }

    /** Every enabled rule's current violations on the resource, by rule id. */
    public Map<String, List<Violation>> evaluate(RuleInput input) {
        Map<String, List<Violation>> out = new LinkedHashMap<>();
        for (DriftRule rule : rules) {
            out.put(rule.id(), rule.evaluate(input));
        }
        return out;
    }
}
