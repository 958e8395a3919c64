package io.accessloop.drift.findings.domain;

import io.accessloop.drift.findings.domain.credentials.ConsoleWithoutMfaRule;
import io.accessloop.drift.findings.domain.credentials.CredentialRule;
import io.accessloop.drift.findings.domain.credentials.HumanAccessKeyRule;
import io.accessloop.drift.findings.domain.credentials.OldAccessKeyRule;
import io.accessloop.drift.findings.domain.credentials.UnusedCredentialsRule;
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
import io.accessloop.drift.inventory.domain.UserCredentials;

/** The enabled rules with their configured severities; evaluates them all against one resource. */
public final class RuleBook {

    private final List<DriftRule> rules;
    private final List<CredentialRule> credentialRules;
    private final Map<String, Severity> severities = new HashMap<>();

    public RuleBook(List<DriftRule> rules, Map<String, String> severityOverrides, Set<String> disabled) {
        this(rules, List.of(), severityOverrides, disabled);
    }

    public RuleBook(List<DriftRule> rules, List<CredentialRule> credentialRules, Map<String, String> severityOverrides,
                    Set<String> disabled) {
        this.rules = rules.stream().filter(r -> !disabled.contains(r.id())).toList();
        this.credentialRules = credentialRules.stream().filter(r -> !disabled.contains(r.id())).toList();
        for (DriftRule rule : rules) {
            String override = severityOverrides.get(rule.id());
            severities.put(rule.id(), override == null ? rule.defaultSeverity() : Severity.parse(override));
        }
        for (CredentialRule rule : credentialRules) {
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

    public static List<CredentialRule> credentialRules(List<String> humanPatterns, int maxKeyAgeDays, int unusedDays) {
        return List.of(new HumanAccessKeyRule(humanPatterns), new OldAccessKeyRule(maxKeyAgeDays),
                new UnusedCredentialsRule(unusedDays), new ConsoleWithoutMfaRule());
    }

    /** Every enabled credential rule's current violations on a user, by rule id. */
    public Map<String, List<Violation>> evaluate(UserCredentials user, java.time.Instant now) {
        Map<String, List<Violation>> out = new LinkedHashMap<>();
        for (CredentialRule rule : credentialRules) {
            out.put(rule.id(), rule.evaluate(user, now));
        }
        return out;
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
