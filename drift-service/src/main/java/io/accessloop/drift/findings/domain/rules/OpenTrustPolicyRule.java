package io.accessloop.drift.findings.domain.rules;

import io.accessloop.drift.findings.domain.DriftRule;
import io.accessloop.drift.findings.domain.RuleInput;
import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.ResourceType;
import io.accessloop.iam.policy.Arn;
import io.accessloop.iam.policy.Condition;
import io.accessloop.iam.policy.Principals;
import io.accessloop.iam.policy.Statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A role anyone can assume ({@code Principal: *}), that an account outside the allow-list can assume, or that another
 * account can assume without {@code sts:ExternalId}. The role's own account is always trusted.
 */
public final class OpenTrustPolicyRule implements DriftRule {

    public static final String ID = "open-trust-policy";

    private final Set<String> trustedAccounts;

    public OpenTrustPolicyRule(Set<String> trustedAccounts) {
        this.trustedAccounts = Set.copyOf(trustedAccounts);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.HIGH;
    }

    @Override
    public List<Violation> evaluate(RuleInput input) {
        IamSnapshot s = input.current();
        if (s.type() != ResourceType.ROLE || s.deleted() || s.trustPolicy() == null) {
            return List.of();
        }
        var document = PolicyDocuments.parse(s.trustPolicy());
        if (document.isEmpty()) {
            return List.of();
        }
        Map<String, Violation> out = new LinkedHashMap<>();
        for (Statement st : document.get().statements()) {
            if (!st.isAllow() || st.principals() == null || !assumes(st)) {
                continue;
            }
            Principals principals = st.principals();
            List<String> aws = principals.identifiers(Principals.AWS);
            if (principals.wildcard() || aws.contains("*")) {
                out.putIfAbsent("wildcard", new Violation("wildcard", "Anyone can assume role " + s.name(),
                        evidence(st, "*")));
                continue;
            }
            for (String id : aws) {
                String account = account(id);
                if (account == null || account.equals(s.accountId())) {
                    continue;
                }
                if (!trustedAccounts.contains(account)) {
                    out.putIfAbsent("account:" + account, new Violation("account:" + account,
                            "Account " + account + " outside the allow-list can assume role " + s.name(),
                            evidence(st, id)));
                } else if (!hasExternalId(st)) {
                    out.putIfAbsent("no-external-id:" + account, new Violation("no-external-id:" + account,
                            "Account " + account + " can assume role " + s.name() + " without sts:ExternalId",
                            evidence(st, id)));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static boolean assumes(Statement st) {
        if (!st.notActions().isEmpty()) {
            return true;
        }
        return st.actions().stream().anyMatch(a -> a.equals("*") || a.toLowerCase().startsWith("sts:assumerole")
                || a.equalsIgnoreCase("sts:*"));
    }

    private static boolean hasExternalId(Statement st) {
        for (Condition c : st.conditions()) {
            if (c.key().equalsIgnoreCase("sts:ExternalId")) {
                return true;
            }
        }
        return false;
    }

    private static String account(String id) {
        if (id.matches("\\d{12}")) {
            return id;
        }
        return Arn.tryParse(id).map(Arn::account).filter(a -> a.matches("\\d{12}")).orElse(null);
    }

    private static Map<String, Object> evidence(Statement st, String principal) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("sid", st.sid());
        e.put("principal", principal);
        e.put("actions", st.actions());
        e.put("conditions", st.conditions().stream().map(c -> c.operator().jsonName() + " " + c.key()).toList());
        return e;
    }
}
