package io.accessloop.drift.findings.domain.rules;

import io.accessloop.drift.findings.domain.DriftRule;
import io.accessloop.drift.findings.domain.RuleInput;
import io.accessloop.drift.findings.domain.Severity;
import io.accessloop.drift.findings.domain.Violation;
import io.accessloop.drift.inventory.domain.IamSnapshot;
import io.accessloop.drift.inventory.domain.ResourceType;

import java.util.List;
import java.util.Map;

/** A customer-managed policy attached to no one and used as no boundary: dead weight that invites reuse. */
public final class UnattachedPolicyRule implements DriftRule {

    public static final String ID = "unattached-policy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.LOW;
    }

    @Override
    public List<Violation> evaluate(RuleInput input) {
        IamSnapshot s = input.current();
        if (s.type() != ResourceType.POLICY || s.deleted() || s.attachmentCount() == null) {
            return List.of();
        }
        int boundaryUses = s.permissionsBoundaryUsageCount() == null ? 0 : s.permissionsBoundaryUsageCount();
        if (s.attachmentCount() > 0 || boundaryUses > 0) {
            return List.of();
        }
        return List.of(new Violation("unattached", "Customer-managed policy " + s.name() + " is attached to no one",
                Map.of("attachmentCount", 0, "permissionsBoundaryUsageCount", boundaryUses)));
    }
}
