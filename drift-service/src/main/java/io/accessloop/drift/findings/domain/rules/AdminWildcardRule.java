package io.accessloop.drift.findings.domain.rules;

import io.accessloop.drift.findings.domain.DriftRule;
import io.accessloop.drift.findings.domain.RuleInput;
import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.inventory.domain.AttachedPolicy;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.iam.policy.Statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Full administrator access: an Allow of {@code Action: *} (or any {@code NotAction}) on {@code Resource: *} in an
 * inline policy or a customer-managed policy's default version, or the AWS-managed {@code AdministratorAccess}
 * attached to a principal.
 */
public final class AdminWildcardRule implements DriftRule {

    public static final String ID = "admin-wildcard";
    static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.CRITICAL;
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
                if (isAdmin(st)) {
                    out.add(new Violation("admin:" + doc.label(),
                            "Administrator wildcard (Action *, Resource *) in " + doc.label() + " of " + s.name(),
                            evidence(doc.label(), st)));
                    break;
                }
            }
        }
        for (AttachedPolicy p : s.attachedPolicies()) {
            if (ADMINISTRATOR_ACCESS.equals(p.arn())) {
                out.add(new Violation("admin:managed:" + p.arn(), "AdministratorAccess attached to " + s.name(),
                        Map.of("policy", p.arn())));
            }
        }
        return out;
    }

    static boolean isAdmin(Statement st) {
        boolean allActions = st.actions().contains("*") || !st.notActions().isEmpty();
        return st.isAllow() && allActions && st.resources().contains("*");
    }

    static Map<String, Object> evidence(String label, Statement st) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("policy", label);
        e.put("sid", st.sid());
        e.put("actions", st.actions().isEmpty() ? List.of("NotAction " + st.notActions()) : st.actions());
        e.put("resources", st.resources());
        e.put("conditions", st.conditions().size());
        return e;
    }
}
